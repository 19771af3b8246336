package io.ringlab.agent.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.agent.balancing.Strategies;
import io.ringlab.agent.balancing.SwitchableStrategy;
import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.OutlierDetector;
import io.ringlab.agent.routing.PendingRequests;
import io.ringlab.agent.routing.RequestSupervisor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's figures: per server (tag {@code server}, its member id: {@code host:port} as configured or discovered)
 * what it was sent, its replies, whether it is in rotation, requests in flight and its response-time EWMA; and for the
 * agent retries, ejections, expired requests, pending requests and the strategy in use. A discovered server's meters
 * come with it and go when its slot is freed.
 */
@Component
class AgentMetrics implements MeterBinder {

    private final Backends backends;
    private final PendingRequests pending;
    private final RequestSupervisor supervisor;
    private final OutlierDetector outliers;
    private final SwitchableStrategy strategy;

    AgentMetrics(
            Backends backends,
            PendingRequests pending,
            RequestSupervisor supervisor,
            OutlierDetector outliers,
            SwitchableStrategy strategy) {
        this.backends = backends;
        this.pending = pending;
        this.supervisor = supervisor;
        this.outliers = outliers;
        this.strategy = strategy;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Map<Backend, List<Meter>> perServer = new ConcurrentHashMap<>();
        backends.addListener(new Backends.Listener() {
            @Override
            public void added(Backend backend) {
                perServer.put(backend, serverMeters(registry, backend));
            }

            @Override
            public void removed(Backend backend) {
                List<Meter> meters = perServer.remove(backend);
                if (meters != null) {
                    meters.forEach(registry::remove);
                }
            }
        });
        for (Backend backend : backends.all()) {
            perServer.putIfAbsent(backend, serverMeters(registry, backend));
        }
        FunctionCounter.builder("ringlab.agent.retries", supervisor, RequestSupervisor::retryCount)
                .description("Requests sent again to another server")
                .register(registry);
        FunctionCounter.builder("ringlab.agent.retries.put.off", supervisor, RequestSupervisor::putOffCount)
                .description("Requests whose retry the retry budget put off")
                .register(registry);
        FunctionCounter.builder("ringlab.agent.expired", supervisor, RequestSupervisor::expiredCount)
                .description("Requests given up with no reply")
                .register(registry);
        FunctionCounter.builder("ringlab.agent.ejections", outliers, OutlierDetector::ejectionCount)
                .description("Servers ejected for failing requests")
                .register(registry);
        FunctionCounter.builder("ringlab.agent.panic.routed", backends, Backends::panicCount)
                .description("Requests sent while no server was in rotation, to one not in planned downtime")
                .register(registry);
        Gauge.builder("ringlab.agent.pending", pending, PendingRequests::size)
                .description("Requests awaiting a reply")
                .register(registry);
        for (String name : Strategies.NAMES) {
            Gauge.builder("ringlab.agent.strategy", strategy, s -> s.name().equals(name) ? 1 : 0)
                    .tag("strategy", name)
                    .description("1 for the balancing strategy in use")
                    .register(registry);
        }
    }

    private static List<Meter> serverMeters(MeterRegistry registry, Backend backend) {
        String server = backend.memberId();
        return List.of(
                FunctionCounter.builder("ringlab.agent.forwarded", backend, Backend::forwardedCount)
                        .tag("server", server)
                        .description("Requests sent to the server, retries included")
                        .register(registry),
                FunctionCounter.builder("ringlab.agent.replies", backend, Backend::replyCount)
                        .tag("server", server)
                        .description("Replies from the server delivered to clients")
                        .register(registry),
                Gauge.builder("ringlab.agent.server.up", backend, b -> b.isUp() ? 1 : 0)
                        .tag("server", server)
                        .description("1 when the server is in rotation")
                        .register(registry),
                Gauge.builder("ringlab.agent.server.outstanding", backend, Backend::outstanding)
                        .tag("server", server)
                        .description("Requests in flight to the server")
                        .register(registry),
                Gauge.builder("ringlab.agent.server.latency.ewma", backend, b -> b.latencyEwmaNanos() / 1e9)
                        .tag("server", server)
                        .baseUnit("seconds")
                        .description("Moving average of the server's response time")
                        .register(registry));
    }
}
