package org.hopfieldlab.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Hopfield Lab server: accounts, saved sessions, JVM sweeps and the embedded in-browser lab. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServerApplication {
    public static void main(String[] args) {
        SpringApplication.run(ServerApplication.class, args);
    }
}
