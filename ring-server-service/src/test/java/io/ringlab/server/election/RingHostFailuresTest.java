package io.ringlab.server.election;

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
import io.ringlab.server.downtime.FakeTime;
import io.ringlab.server.transport.PeerAddresses;
import io.ringlab.support.transport.DropCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A bug in the election must not end its thread: the host counts the failure and goes on with the next event. */
class RingHostFailuresTest {

    private static final List<String> PEERS = List.of("127.0.0.1:4242", "127.0.0.1:4243", "127.0.0.1:4244");
    private static final String SELF = PEERS.get(0);
    private static final String PEER = PEERS.get(1);
    private static final ConfigurationId OTHER_CONFIG = ConfigurationId.of(List.of("127.0.0.1:4242", "127.0.0.1:4243"));
    private static final long SECOND = 1_000_000_000L;

    private final FakeTime time = new FakeTime(5 * SECOND);
    private final ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.of(filled(32, 5), List.of()));
    private final FrameSealer peerSealer = new FrameSealer(keyring, 77);
    private final List<String> heard = new ArrayList<>();
    private final RingListener failingListener = new RingListener() {
        @Override
        public void configurationChangeSeen(String peer, long holdUntilNanos) {
            heard.add("hold " + peer);
            throw new IllegalStateException("a bug on a configuration change");
        }

        @Override
        public void joinedRound(RoundId round, long value, boolean candidate) {
            heard.add("joined at " + time.getAsLong() / SECOND + " s");
            throw new IllegalStateException("a bug on joining a round");
        }
    };
    private final RingHost host = new RingHost(
            new RingNode(SELF, PEERS, ElectionSettings.defaults(), new Random(3), (to, message) -> {}, failingListener),
            4,
            new DropCounter(),
            new FrameAuthenticator(keyring, 16),
            new PeerAddresses(PEERS.stream().map(HostAndPort::parse).toList()),
            time);

    @Test
    void aMessageTheElectionFailsOnIsCountedAndTheNextOneIsStillDelivered() {
        host.receive(hello(1, OTHER_CONFIG));
        host.receive(hello(2, OTHER_CONFIG));
        host.drainInbox();

        assertThat(host.failureCount()).isEqualTo(1);
        assertThat(host.queued()).isZero();
        assertThat(heard)
                .as("the second message reached the node (it holds already: no second line)")
                .containsExactly("hold " + PEER);
        assertThat(host.status(time.getAsLong()).suspected()).containsExactly(PEER);
    }

    @Test
    void aTimerTheElectionFailsOnIsCountedAndTheHostKeepsTicking() {
        long firstDeadline = host.tick();
        assertThat(host.failureCount()).isZero();
        assertThat(firstDeadline).isGreaterThan(time.getAsLong());

        // the first periodic round starts within two intervals (60 s x (1 + u)) of the start
        for (int second = 0; second < 121 && host.failureCount() == 0; second++) {
            time.advance(SECOND);
            host.tick();
        }
        assertThat(host.failureCount()).isEqualTo(1);
        assertThat(heard).hasSize(1).allMatch(line -> line.startsWith("joined at "));

        time.advance(SECOND);
        assertThat(host.tick()).as("still scheduling its timers").isGreaterThan(time.getAsLong());
    }

    private byte[] hello(long token, ConfigurationId configuration) {
        return peerSealer.seal(
                RingMessageCodec.encode(new Hello(PEER, RoundId.NONE, token), configuration), PEER, SELF);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
