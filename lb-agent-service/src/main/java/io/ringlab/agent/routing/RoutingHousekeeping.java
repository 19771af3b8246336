package io.ringlab.agent.routing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Periodic work off the data path: retries and expiry, ejection ends, health pings, name resolution. */
@Component
class RoutingHousekeeping {

    private final RequestSupervisor supervisor;
    private final OutlierDetector outliers;
    private final HealthChecker health;
    private final Backends backends;

    RoutingHousekeeping(RequestSupervisor supervisor, OutlierDetector outliers, HealthChecker health, Backends backends) {
        this.supervisor = supervisor;
        this.outliers = outliers;
        this.health = health;
        this.backends = backends;
    }

    @Scheduled(fixedDelay = 20)
    void superviseRequests() {
        long now = System.nanoTime();
        supervisor.sweep(now);
        outliers.tick(now);
    }

    // fixed delay, not rate: after a stall the pings are not sent back to back (which would count misses
    // before any answer could arrive)
    @Scheduled(fixedDelayString = "${ringlab.agent.health.interval:250ms}")
    void checkHealth() {
        health.tick();
    }

    @Scheduled(initialDelayString = "${ringlab.agent.resolve-interval:10s}",
            fixedDelayString = "${ringlab.agent.resolve-interval:10s}")
    void resolveServersAgain() {
        backends.all().forEach(Backend::resolveAgain);
    }
}
