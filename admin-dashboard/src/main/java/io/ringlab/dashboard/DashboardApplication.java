package io.ringlab.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The admin dashboard: one page that shows the live cluster, read from every service's REST, and steers it.
 * The services' own security (HTTP Basic on every change, stateless) is left out: the dashboard signs a person
 * in with a form and a session, and has its own filter chain for that.
 */
@SpringBootApplication(excludeName = "io.ringlab.support.security.ControlPlaneSecurityConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application with its own configuration file name ({@code admin-dashboard.yml}, then
     * {@code application.yml}), so that it can share a classpath with the services.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(DashboardApplication.class)
                .properties("spring.config.name=admin-dashboard,application");
    }
}
