package io.ringlab.agent.discovery;

import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.HealthChecker;
import io.ringlab.support.discovery.JndiSrvResolver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The servers from DNS, when {@code ringlab.agent.discovery.srv} is set (else the fixed {@code servers} list). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ringlab.agent.discovery.srv:}'.isBlank()")
class DiscoveryConfiguration {

    /** The least time between two DNS queries, whatever fails. */
    static final Duration FAILURE_GAP = Duration.ofSeconds(1);
    /** Beyond the request timeout, before a slot that drained is given to another server (the sweep's delay). */
    static final Duration DRAIN_MARGIN = Duration.ofSeconds(1);

    @Bean
    ServerDiscovery serverDiscovery(LbAgentProperties properties, Backends backends) {
        LbAgentProperties.Discovery discovery = properties.discovery();
        return new ServerDiscovery(
                new JndiSrvResolver(discovery.dnsServer(), discovery.timeout()),
                backends,
                new ServerDiscovery.Settings(
                        discovery.srvName(),
                        discovery.refresh().toNanos(),
                        FAILURE_GAP.toNanos(),
                        properties.requestTimeout().plus(DRAIN_MARGIN).toNanos()),
                System::currentTimeMillis);
    }

    @Bean
    DiscoveryRunner discoveryRunner(ServerDiscovery discovery, Backends backends, HealthChecker health) {
        return new DiscoveryRunner(discovery, backends, health);
    }

    @Bean
    DiscoveryMetrics discoveryMetrics(ServerDiscovery discovery, Backends backends) {
        return new DiscoveryMetrics(discovery, backends);
    }
}
