package io.ringlab.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.server.election.RingService;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.server.serving.ServerStatistics;
import org.springframework.stereotype.Component;

/**
 * The ring server's figures: requests received (framed, from agents; raw, from any UDP tool), its state
 * (1 up, 0 in planned downtime), the agents it knows, and the events its election failed on.
 */
@Component
class ServerMetrics implements MeterBinder {

    private final ServerStatistics statistics;
    private final ServerAvailability availability;
    private final KnownAgents agents;
    private final RingService ring;

    ServerMetrics(ServerStatistics statistics, ServerAvailability availability, KnownAgents agents, RingService ring) {
        this.statistics = statistics;
        this.availability = availability;
        this.agents = agents;
        this.ring = ring;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ringlab.server.requests", statistics, ServerStatistics::framedRequests)
                .tag("kind", "framed")
                .description("Requests received")
                .register(registry);
        FunctionCounter.builder("ringlab.server.requests", statistics, ServerStatistics::rawRequests)
                .tag("kind", "raw")
                .description("Requests received")
                .register(registry);
        Gauge.builder("ringlab.server.up", availability, a -> a.isDown() ? 0 : 1)
                .description("1 when the server is up, 0 in planned downtime")
                .register(registry);
        Gauge.builder("ringlab.server.agents", agents, KnownAgents::size)
                .description("Agents that have sent this server requests or health checks")
                .register(registry);
        FunctionCounter.builder("ringlab.server.election.failures", ring, RingService::failureCount)
                .description("Events the election thread failed on (a bug, logged with its stack trace)")
                .register(registry);
    }
}
