package io.ringlab.server;

import io.ringlab.support.cluster.ClusterAuthConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A ring server: answers requests over UDP by reversing their payload. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(ClusterAuthConfiguration.class)
public class RingServerApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application with its own configuration file name ({@code ring-server.yml}, then {@code application.yml}),
     * so that several RingLab services can share one classpath.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RingServerApplication.class)
                .properties("spring.config.name=ring-server,application");
    }
}
