package io.ringlab.server.election;

import io.ringlab.election.RingListener;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.node.RingNode;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.server.config.RingProperties;
import io.ringlab.server.config.RingServerProperties;
import io.ringlab.server.downtime.AnnouncedAvailability;
import io.ringlab.server.transport.PeerAddresses;
import io.ringlab.server.transport.UdpRingTransport;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DropCounter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class RingConfiguration {

    private static final Log log = LogFactory.getLog(RingConfiguration.class);

    @Bean
    RingEvents ringEvents(AnnouncedAvailability changes) {
        return new RingEvents(changes, System::nanoTime);
    }

    @Bean
    RingService ringService(
            RingServerProperties properties,
            PeerAddresses peers,
            DatagramSender serverSender,
            DropCounter drops,
            RingEvents events,
            ObjectProvider<RingListener> otherListeners,
            FrameSealer frameSealer,
            FrameAuthenticator frameAuthenticator,
            SecureRandom secureRandom) {
        RingProperties ring = properties.ring();
        if (!ring.enabled()) {
            return RingService.none(drops);
        }
        List<String> members = ring.peerIds();
        if (!ring.selfIsMember()) {
            log.error(("this server (ringlab.server.ring.self=%s) is not in the ring's configuration %s %s: it takes"
                            + " no part in the ring and stays not ready; add it to ringlab.server.ring.peers (ConfigMap ring,"
                            + " key peers) and restart it, or scale the ring back")
                    .formatted(ring.self(), ConfigurationId.of(members), members));
            return RingService.notInConfiguration(drops, ring.self().toString(), members);
        }
        List<RingListener> listeners = new ArrayList<>(List.of(events));
        otherListeners.orderedStream().filter(listener -> listener != events).forEach(listeners::add);
        // values, incarnation and tokens from a SecureRandom: nothing published on GET /api/ring predicts the next
        var node = new RingNode(
                ring.self().toString(),
                members,
                ring.settings(),
                secureRandom,
                new UdpRingTransport(peers, serverSender, drops, frameSealer, ConfigurationId.of(members)),
                new CompositeRingListener(listeners));
        log.info("ring configuration %s: %s".formatted(node.configuration(), members));
        return new RingService(
                new RingHost(node, ring.inboxCapacity(), drops, frameAuthenticator, peers, System::nanoTime), events);
    }

    /** In the readiness group: down while this server is not in its ring's configuration. */
    @Bean
    RingMembershipHealth ringMembership(RingService ring) {
        return new RingMembershipHealth(ring);
    }
}
