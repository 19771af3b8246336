package io.ringlab.agent.routing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Periodic work off the data path: forgetting expired requests and resolving server names again. */
@Component
class RoutingHousekeeping {

    private final PendingRequests pending;
    private final AgentStatistics statistics;
    private final Backends backends;

    RoutingHousekeeping(PendingRequests pending, AgentStatistics statistics, Backends backends) {
        this.pending = pending;
        this.statistics = statistics;
        this.backends = backends;
    }

    @Scheduled(fixedDelay = 100)
    void expirePending() {
        statistics.expired(pending.expire(System.nanoTime()));
    }

    @Scheduled(initialDelayString = "${ringlab.agent.resolve-interval:10s}",
            fixedDelayString = "${ringlab.agent.resolve-interval:10s}")
    void resolveServersAgain() {
        backends.all().forEach(Backend::resolveAgain);
    }
}
