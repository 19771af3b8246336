package io.ringlab.agent;

import io.ringlab.support.cluster.ClusterAuthConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A load-balancing agent: forwards client requests to ring servers and routes the replies back. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(ClusterAuthConfiguration.class)
public class LbAgentApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application with its own configuration file name ({@code lb-agent.yml}, then {@code application.yml}),
     * so that several RingLab services can share one classpath.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(LbAgentApplication.class)
                .properties("spring.config.name=lb-agent,application");
    }
}
