package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.Strategies;
import io.ringlab.agent.balancing.SwitchableStrategy;
import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.support.config.InvalidPropertyException;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Backends backends(LbAgentProperties properties) {
        if (!properties.weights().isEmpty() && properties.weights().size() != properties.servers().size()) {
            throw new InvalidPropertyException("ringlab.agent.weights", properties.weights().size()
                    + " weights for " + properties.servers().size() + " servers; give one per server, or none");
        }
        return new Backends(properties.servers(), properties.weights());
    }

    @Bean
    SwitchableStrategy balancingStrategy(LbAgentProperties properties) {
        try {
            return new SwitchableStrategy(Strategies.create(properties.strategy()));
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("ringlab.agent.strategy", e.getMessage());
        }
    }

    @Bean
    PendingRequests pendingRequests(LbAgentProperties properties, SecureRandom secureRandom) {
        return new PendingRequests(properties.maxPending(), new RequestIds(secureRandom));
    }

    @Bean
    AgentStatistics agentStatistics() {
        return new AgentStatistics();
    }

    @Bean
    DropCounter dropCounter() {
        return new DropCounter();
    }

    @Bean
    OutlierDetector outlierDetector(Backends backends, LbAgentProperties properties) {
        var outliers = properties.outliers();
        return new OutlierDetector(backends, outliers.consecutiveFailures(), outliers.baseEjection().toNanos(),
                outliers.maxEjection().toNanos());
    }

    @Bean
    HealthChecker healthChecker(Backends backends, LbAgentProperties properties, DatagramSender serverSideSender,
                                FrameSealer frameSealer, SecureRandom secureRandom) {
        return new HealthChecker(backends, properties.health().missesToMarkDown(), serverSideSender::send,
                frameSealer, properties.name(), secureRandom::nextLong);
    }

    @Bean
    ServerStateReceiver serverStateReceiver(FrameAuthenticator frameAuthenticator, LbAgentProperties properties,
                                            Backends backends, HealthChecker health, DropCounter drops) {
        return new ServerStateReceiver(frameAuthenticator, properties.name(), backends, health, drops);
    }

    @Bean
    RequestSupervisor requestSupervisor(PendingRequests pending, Backends backends, SwitchableStrategy strategy,
                                        OutlierDetector outliers, DatagramSender serverSideSender,
                                        LbAgentProperties properties) {
        if (properties.retry().maxTries() > 1
                && properties.retry().perTryTimeout().compareTo(properties.requestTimeout()) >= 0) {
            throw new InvalidPropertyException("ringlab.agent.retry.per-try-timeout", properties.retry().perTryTimeout()
                    .toMillis() + "ms is not shorter than ringlab.agent.request-timeout (" + properties.requestTimeout()
                    .toMillis() + "ms): no retry could ever happen; shorten it, or set ringlab.agent.retry.max-tries=1");
        }
        return new RequestSupervisor(pending, backends, strategy, outliers, serverSideSender::send,
                properties.retry().perTryTimeout().toNanos(), properties.requestTimeout().toNanos(),
                properties.retry().maxTries());
    }

    @Bean
    RequestRouter requestRouter(Backends backends, SwitchableStrategy strategy, PendingRequests pending,
                                AgentStatistics statistics, DropCounter drops, LbAgentProperties properties,
                                OutlierDetector outliers, ServerStateReceiver states) {
        return new RequestRouter(backends, strategy, pending, statistics, drops, properties.raw().enabled(),
                properties.raw().limiter(), outliers, states, properties.udp().maxDatagramSize());
    }
}
