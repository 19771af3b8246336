package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ThreadLocalRandom;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Backends backends(LbAgentProperties properties) {
        return new Backends(properties.servers());
    }

    @Bean
    BalancingStrategy balancingStrategy() {
        return new RoundRobin();
    }

    @Bean
    PendingRequests pendingRequests(LbAgentProperties properties) {
        // ids start at a random point so that a reply addressed to an earlier run of this agent is not matched
        long firstId = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return new PendingRequests(properties.maxPending(), properties.requestTimeout().toNanos(), firstId);
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
    RequestRouter requestRouter(Backends backends, BalancingStrategy strategy, PendingRequests pending,
                                AgentStatistics statistics, DropCounter drops, LbAgentProperties properties) {
        return new RequestRouter(backends, strategy, pending, statistics, drops, properties.acceptRaw());
    }
}
