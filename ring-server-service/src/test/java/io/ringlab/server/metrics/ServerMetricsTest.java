package io.ringlab.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ringlab.election.ElectionSettings;
import io.ringlab.election.RingListener;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.node.RingNode;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.server.downtime.AnnouncedAvailability;
import io.ringlab.server.downtime.FakeTime;
import io.ringlab.server.downtime.RecordingAnnouncer;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.server.election.RingEvents;
import io.ringlab.server.election.RingHost;
import io.ringlab.server.election.RingService;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.server.serving.ServerStatistics;
import io.ringlab.server.transport.PeerAddresses;
import io.ringlab.support.transport.DropCounter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServerMetricsTest {

    private static final List<String> PEERS = List.of("127.0.0.1:4242", "127.0.0.1:4243", "127.0.0.1:4244");
    private static final String SELF = PEERS.get(0);
    private static final String PEER = PEERS.get(1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServerAvailability availability = new ServerAvailability();

    @Test
    void anEventTheElectionFailedOnIsVisibleAsRingLabServerElectionFailures() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.of(key, List.of()));
        FakeTime time = new FakeTime(0);
        RingListener failing = new RingListener() {
            @Override
            public void configurationChangeSeen(String peer, long holdUntilNanos) {
                throw new IllegalStateException("a bug");
            }
        };
        RingHost host = new RingHost(
                new RingNode(SELF, PEERS, ElectionSettings.defaults(), new Random(1), (to, message) -> {}, failing),
                4,
                new DropCounter(),
                new FrameAuthenticator(keyring, 16),
                new PeerAddresses(PEERS.stream().map(HostAndPort::parse).toList()),
                time);
        RingService ring = new RingService(
                host,
                new RingEvents(new AnnouncedAvailability(availability, new RecordingAnnouncer(), 0, false), time));
        new ServerMetrics(new ServerStatistics(), availability, new KnownAgents(4), ring).bindTo(registry);
        FunctionCounter failures =
                registry.get("ringlab.server.election.failures").functionCounter();
        assertThat(failures.count()).isZero();

        ConfigurationId other = ConfigurationId.of(List.of(SELF, PEER));
        ring.start();
        try {
            ring.receive(new FrameSealer(keyring, 9)
                    .seal(RingMessageCodec.encode(new Hello(PEER, RoundId.NONE, 1), other), PEER, SELF));
            await().atMost(Duration.ofSeconds(10)).until(() -> failures.count() > 0);
            assertThat(failures.count()).isEqualTo(1);
        } finally {
            ring.stop();
        }
    }

    @Test
    void withoutARingTheMeterIsThereAndReadsZero() {
        new ServerMetrics(new ServerStatistics(), availability, new KnownAgents(4), RingService.none(new DropCounter()))
                .bindTo(registry);
        assertThat(registry.get("ringlab.server.election.failures")
                        .functionCounter()
                        .count())
                .isZero();
        assertThat(registry.get("ringlab.server.up").gauge().value()).isEqualTo(1);
    }
}
