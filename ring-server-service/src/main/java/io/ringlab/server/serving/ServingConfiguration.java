package io.ringlab.server.serving;

import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
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
    PingAnswerer pingAnswerer(
            FrameAuthenticator frameAuthenticator,
            FrameSealer frameSealer,
            KnownAgents agents,
            PlannedDowntime downtime,
            DropCounter drops,
            RingServerProperties properties) {
        var ring = properties.ring();
        return new PingAnswerer(
                frameAuthenticator,
                frameSealer,
                agents,
                downtime,
                drops,
                ring.enabled() ? ring.self().toString() : null);
    }

    @Bean
    RequestAnswerer requestAnswerer(
            ServerStatistics statistics,
            DropCounter drops,
            PlannedDowntime downtime,
            PingAnswerer pings,
            MemberAddresses members,
            RingServerProperties properties) {
        return new RequestAnswerer(
                statistics,
                drops,
                downtime,
                pings,
                members,
                properties.raw().enabled(),
                properties.raw().limiter());
    }
}
