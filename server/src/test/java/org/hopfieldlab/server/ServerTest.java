package org.hopfieldlab.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port with its own fresh embedded file database (migrated by Flyway), shared by all
 * test classes of one JVM through Spring's context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.data-dir=./target/test-db/${random.uuid}", "hopfield.sweep.threads=2",
            "hopfield.sweep.max-runs=5000"})
public @interface ServerTest {
}
