package io.ringlab.client;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A load client: worker threads that each send a request to an agent and wait for the reply (closed loop), or
 * one thread sending at a constant rate (open loop); controlled through REST.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LoadClientApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application with its own configuration file name ({@code load-client.yml}, then {@code application.yml}),
     * so that several RingLab services can share one classpath.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(LoadClientApplication.class)
                .properties("spring.config.name=load-client,application");
    }
}
