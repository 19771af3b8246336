package io.ringlab.agent.discovery;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.agent.routing.Backends;

/** Discovery's figures: answers applied and failed, targets left out, servers in the table, the last resolution. */
class DiscoveryMetrics implements MeterBinder {

    private final ServerDiscovery discovery;
    private final Backends backends;

    DiscoveryMetrics(ServerDiscovery discovery, Backends backends) {
        this.discovery = discovery;
        this.backends = backends;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ringlab.agent.discovery.resolutions", discovery, ServerDiscovery::resolutionCount)
                .tag("outcome", "ok")
                .description("DNS answers applied to the agent's servers")
                .register(registry);
        FunctionCounter.builder("ringlab.agent.discovery.resolutions", discovery, ServerDiscovery::failureCount)
                .tag("outcome", "failed")
                .description("DNS queries that failed, or whose answer had no usable server")
                .register(registry);
        FunctionCounter.builder("ringlab.agent.discovery.ignored", discovery, ServerDiscovery::ignoredCount)
                .description("SRV targets left out: not a pod of the Service, no address, no free slot")
                .register(registry);
        Gauge.builder("ringlab.agent.discovery.servers", backends, Backends::count)
                .description("Discovered servers the agent holds, not counting those leaving")
                .register(registry);
        Gauge.builder("ringlab.agent.discovery.last.resolution", discovery, ServerDiscovery::lastResolutionEpochSeconds)
                .baseUnit("seconds")
                .description("When DNS was last asked (Unix time)")
                .register(registry);
        Gauge.builder("ringlab.agent.discovery.last.resolution.ok", discovery, d -> d.lastResolutionOk() ? 1 : 0)
                .description("1 when the last DNS answer was applied")
                .register(registry);
    }
}
