package io.ringlab.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A ring server: answers requests over UDP by reversing their payload. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RingServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RingServerApplication.class, args);
    }
}
