package org.hopfieldlab.server;

import org.hopfieldlab.server.web.StartupFailurePage;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Hopfield Lab server: accounts, saved sessions, JVM sweeps and the embedded in-browser lab. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServerApplication {
    public static void main(String[] args) throws Throwable {
        SpringApplication app = new SpringApplication(ServerApplication.class);
        StartupFailurePage failurePage = new StartupFailurePage();
        app.addListeners(failurePage);
        try {
            app.run(args);
        } catch (Throwable t) {
            // the failure is already reported (log and the "APPLICATION FAILED TO START" text); a page says it too
            if (!failurePage.serve(t)) {
                throw t;
            }
        }
    }
}
