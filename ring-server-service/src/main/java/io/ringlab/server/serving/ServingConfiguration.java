package io.ringlab.server.serving;

import io.ringlab.server.config.RingServerProperties;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

    @Bean
    ServerStatistics serverStatistics() {
        return new ServerStatistics();
    }

    @Bean
    KnownAgents knownAgents(RingServerProperties properties) {
        return new KnownAgents(properties.maxAgents());
    }

    @Bean
    DropCounter dropCounter() {
        return new DropCounter();
    }

    @Bean
    RequestAnswerer requestAnswerer(ServerStatistics statistics, KnownAgents agents, DropCounter drops,
                                    PlannedDowntime downtime) {
        return new RequestAnswerer(statistics, agents, drops, downtime);
    }
}
