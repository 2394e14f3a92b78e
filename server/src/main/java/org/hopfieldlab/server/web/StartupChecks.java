package org.hopfieldlab.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Before the database opens: the embedded database's folder must exist (or be creatable) and be writable. H2 opens
 * a database it cannot write read-only without a word, and every save would then fail; this stops the start with a
 * message that says which folder and what to do ({@link StartupFailures}).
 */
@Component
public class StartupChecks implements BeanFactoryPostProcessor, EnvironmentAware {
    /** The data folder cannot be used. */
    public static final class DataDirectoryException extends RuntimeException {
        final Path dir;

        DataDirectoryException(Path dir, String problem) {
            super("The data folder " + dir + " " + problem);
            this.dir = dir;
        }
    }

    private Environment env;

    @Override
    public void setEnvironment(Environment environment) {
        this.env = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = env.getProperty("spring.datasource.url", "");
        String dataDir = env.getProperty("hopfield.data-dir");
        if ((url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:async:")) && dataDir != null) {
            check(Path.of(dataDir).toAbsolutePath().normalize());
        }
    }

    static void check(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataDirectoryException(dir, "is a file, not a folder.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryException(dir, "does not exist and cannot be created (" + e + ").");
        }
        // a real write, not a permission-bit guess (root passes every permission check, a read-only mount does not)
        try {
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryException(dir, "is not writable (" + e + ").");
        }
        Path db = dir.resolve("hopfield.mv.db");
        if (Files.exists(db) && !Files.isWritable(db)) {
            throw new DataDirectoryException(dir, "holds the database file " + db + ", which is not writable.");
        }
    }
}
