package io.ringlab.server.election;

import io.ringlab.election.RingListener;
import io.ringlab.election.RingNode;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import org.springframework.beans.factory.ObjectProvider;
import io.ringlab.server.config.RingProperties;
import io.ringlab.server.config.RingServerProperties;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.server.serving.PlannedDowntime;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class RingConfiguration {

    @Bean
    ServerAvailability serverAvailability() {
        return new ServerAvailability();
    }

    @Bean
    StateAnnouncer stateAnnouncer(KnownAgents agents, DatagramSender serverSender, FrameSealer frameSealer) {
        return new StateAnnouncer(agents, serverSender, frameSealer);
    }

    @Bean
    ManualDowntime manualDowntime(ServerAvailability availability, StateAnnouncer announcer,
                                  RingServerProperties properties) {
        return new ManualDowntime(availability, announcer, properties.ring().drain().toNanos(),
                properties.faults().dropUpAnnouncements());
    }

    @Bean
    PlannedDowntime plannedDowntime(ServerAvailability availability) {
        return new DowntimeGate(availability);
    }

    @Bean
    RingEvents ringEvents(ServerAvailability availability, StateAnnouncer announcer, RingServerProperties properties) {
        return new RingEvents(availability, announcer, properties.ring().drain().toNanos(),
                properties.faults().dropUpAnnouncements());
    }

    @Bean
    PeerAddresses peerAddresses(RingServerProperties properties) {
        return new PeerAddresses(properties.ring().peers());
    }

    @Bean
    RingService ringService(RingServerProperties properties, PeerAddresses peers, DatagramSender serverSender,
                            DropCounter drops, RingEvents events, ObjectProvider<RingListener> otherListeners,
                            FrameSealer frameSealer, FrameAuthenticator frameAuthenticator, SecureRandom secureRandom) {
        RingProperties ring = properties.ring();
        if (!ring.enabled()) {
            return RingService.none(drops);
        }
        List<RingListener> listeners = new ArrayList<>(List.of(events));
        otherListeners.orderedStream().filter(listener -> listener != events).forEach(listeners::add);
        // values, incarnation and tokens from a SecureRandom: nothing published on GET /api/ring predicts the next
        var node = new RingNode(ring.self().toString(), ring.peerIds(), ring.settings(), secureRandom,
                new UdpRingTransport(peers, serverSender, drops, frameSealer), new CompositeRingListener(listeners));
        return new RingService(new RingHost(node, ring.inboxCapacity(), drops, frameAuthenticator, peers), events);
    }

    @Bean
    PeerRefresher peerRefresher(PeerAddresses peers) {
        return new PeerRefresher(peers);
    }

    static class PeerRefresher {

        private final PeerAddresses peers;

        PeerRefresher(PeerAddresses peers) {
            this.peers = peers;
        }

        @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
        void resolveAgain() {
            peers.resolveAgain();
        }
    }
}
