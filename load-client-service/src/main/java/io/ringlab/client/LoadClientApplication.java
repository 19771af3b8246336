package io.ringlab.client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A load client: worker threads that each send a request to an agent and wait for the reply. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LoadClientApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoadClientApplication.class, args);
    }
}
