package io.ringlab.agent.routing;

import io.ringlab.agent.config.LbAgentProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Periodic work off the data path: retries and expiry, ejection ends, health pings, name resolution. */
@Component
class RoutingHousekeeping implements SchedulingConfigurer {

    /** How often pending requests are swept for expired tries: well under any try's timeout. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(20);

    private final RequestSupervisor supervisor;
    private final OutlierDetector outliers;
    private final HealthChecker health;
    private final Backends backends;
    private final LbAgentProperties properties;

    RoutingHousekeeping(
            RequestSupervisor supervisor,
            OutlierDetector outliers,
            HealthChecker health,
            Backends backends,
            LbAgentProperties properties) {
        this.supervisor = supervisor;
        this.outliers = outliers;
        this.health = health;
        this.backends = backends;
        this.properties = properties;
    }

    // fixed delays, not rates: after a stall the pings are not sent back to back (which would count misses before
    // any answer could arrive)
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::superviseRequests, SWEEP_INTERVAL, Duration.ZERO));
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::checkHealth, properties.health().interval(), Duration.ZERO));
        tasks.addFixedDelayTask(new FixedDelayTask(
                this::resolveServersAgain, properties.resolveInterval(), properties.resolveInterval()));
    }

    void superviseRequests() {
        long now = System.nanoTime();
        supervisor.sweep(now);
        outliers.tick(now);
    }

    void checkHealth() {
        health.tick();
    }

    void resolveServersAgain() {
        backends.all().forEach(Backend::resolveAgain);
    }
}
