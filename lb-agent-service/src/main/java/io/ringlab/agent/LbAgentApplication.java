package io.ringlab.agent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A load-balancing agent: forwards client requests to ring servers and routes the replies back. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LbAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(LbAgentApplication.class, args);
    }
}
