package io.ringlab.server.election;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.NodeStatus;
import io.ringlab.election.RingListener;
import io.ringlab.election.StartResult;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.node.RingNode;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.server.transport.PeerAddresses;
import io.ringlab.support.transport.DropCounter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeTry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a ring server lets into its election inbox: only messages sealed for it by another ring peer, once, in that
 * peer's own name. Checked over generated corruptions; jqwik prints the seed of a failure.
 */
class RingHostTest {

    private static final List<String> PEERS = List.of("127.0.0.1:4242", "127.0.0.1:4243", "127.0.0.1:4244");
    private static final String SELF = PEERS.get(0);
    private static final String PEER = PEERS.get(1);
    private static final ConfigurationId CONFIG = ConfigurationId.of(PEERS);
    private static final ConfigurationId OTHER_CONFIG = ConfigurationId.of(
            List.of("127.0.0.1:4242", "127.0.0.1:4243", "127.0.0.1:4244", "127.0.0.1:4245", "127.0.0.1:4246"));
    /** The defaults' configuration hold: downtime 15 s + guard 1 s + two probe intervals of 1 s. */
    private static final long HOLD_NANOS = 18_000_000_000L;

    // jqwik runs every try of a property on one instance: each try takes a fresh host through these
    private ClusterKeyring keyring;
    private FrameSealer peerSealer;
    private DropCounter drops;
    private RingHost host;
    private List<String> holdsSeen;

    @BeforeTry
    void freshHost() {
        keyring = new ClusterKeyring(ClusterKeys.of(filled(32, 5), List.of()));
        peerSealer = new FrameSealer(keyring, 77);
        drops = new DropCounter();
        holdsSeen = new ArrayList<>();
        RingListener listener = new RingListener() {
            @Override
            public void configurationChangeSeen(String peer, long holdUntilNanos) {
                holdsSeen.add(peer);
            }
        };
        host = new RingHost(
                new RingNode(SELF, PEERS, ElectionSettings.defaults(), new Random(1), (to, message) -> {}, listener),
                4,
                drops,
                new FrameAuthenticator(keyring, 16),
                new PeerAddresses(PEERS.stream().map(HostAndPort::parse).toList()),
                System::nanoTime);
    }

    @Property(tries = 2000)
    void aRingMessageWithABitFlippedAnywhereIsRefusedBeforeItIsQueued(
            @ForAll @IntRange(max = 100_000) int position,
            @ForAll @IntRange(max = 7) int bit,
            @ForAll @IntRange(min = 1) int term) {
        byte[] sealed = hello(PEER, term, SELF);
        sealed[position % sealed.length] ^= (byte) (1 << bit);
        host.receive(sealed);
        assertThat(drops.count(DropReason.AUTH_FAILED)).isEqualTo(1);
        assertThat(host.queued()).isZero();
    }

    @Property(tries = 200)
    void aSealedMessageFromAPeerIsQueuedOnceAndItsReplaysAreCounted(@ForAll @IntRange(min = 1, max = 3) int copies) {
        byte[] sealed = hello(PEER, 5, SELF);
        for (int i = 0; i < copies; i++) {
            host.receive(sealed);
        }
        assertThat(host.queued()).isEqualTo(1);
        assertThat(drops.count(DropReason.REPLAYED)).isEqualTo(copies - 1);
    }

    @Property(tries = 100)
    void messagesSealedForAnotherServerOrByANonPeerOrInAnotherNameAreRefused(@ForAll @IntRange(min = 1) int term) {
        host.receive(hello(PEER, term, PEERS.get(2)));
        assertThat(drops.count(DropReason.AUTH_FAILED))
                .as("sealed for another server")
                .isEqualTo(1);

        byte[] stranger = peerSealer.seal(
                RingMessageCodec.encode(new Hello("10.0.0.9:4242", RoundId.NONE, term), CONFIG), "10.0.0.9:4242", SELF);
        byte[] impersonating = peerSealer.seal(
                RingMessageCodec.encode(new Hello(PEERS.get(2), RoundId.NONE, term), CONFIG), PEER, SELF);
        byte[] fromItself =
                peerSealer.seal(RingMessageCodec.encode(new Hello(SELF, RoundId.NONE, term), CONFIG), SELF, SELF);
        host.receive(stranger);
        host.receive(impersonating);
        host.receive(fromItself);
        assertThat(drops.count(DropReason.UNKNOWN_SENDER)).isEqualTo(3);
        assertThat(host.queued()).isZero();
    }

    @Property(tries = 20)
    void aFloodOfForgeriesLeavesTheInboxToRealMessages(@ForAll @IntRange(min = 10, max = 200) int forgeries) {
        FrameSealer forger = new FrameSealer(new ClusterKeyring(ClusterKeys.of(filled(32, 6), List.of())), 1);
        for (int i = 0; i < forgeries; i++) {
            host.receive(forger.seal(RingMessageCodec.encode(new Hello(PEER, RoundId.NONE, i), CONFIG), PEER, SELF));
        }
        host.receive(hello(PEER, 1, SELF));
        assertThat(host.queued()).isEqualTo(1);
        assertThat(drops.count(DropReason.OVERLOAD)).isZero();
    }

    @Property(tries = 50)
    void aMessageOfAnotherConfigurationIsCountedAndOnlyMakesTheNodeHold(
            @ForAll @IntRange(min = 1, max = 4) int copies) {
        for (int i = 0; i < copies; i++) {
            host.receive(hello(PEER, 100 + i, SELF, OTHER_CONFIG));
        }
        assertThat(drops.count(DropReason.OTHER_CONFIGURATION)).isEqualTo(copies);
        assertThat(host.status(System.nanoTime()).configurationChangeForNanos())
                .as("not yet delivered")
                .isZero();

        host.drainInbox();

        NodeStatus status = host.status(System.nanoTime());
        assertThat(status.configurationChangeForNanos()).isPositive().isLessThanOrEqualTo(HOLD_NANOS);
        assertThat(status.suspected()).as("skipped, and probed").containsExactly(PEER);
        assertThat(status.configuration()).isEqualTo(CONFIG);
        assertThat(holdsSeen).as("one line per hold, not per message").containsExactly(PEER);
        assertThat(host.startRoundNow()).isIn(StartResult.REFUSED_RESTARTING, StartResult.REFUSED_CONFIGURATION_CHANGE);
    }

    @Property(tries = 50)
    void aMessageOfTheSameConfigurationReachesTheNode(@ForAll @IntRange(min = 1) int token) {
        host.receive(hello(PEER, token, SELF));
        host.drainInbox();

        assertThat(drops.count(DropReason.OTHER_CONFIGURATION)).isZero();
        assertThat(host.status(System.nanoTime()).configurationChangeForNanos()).isZero();
        assertThat(holdsSeen).isEmpty();
    }

    private byte[] hello(String sender, long token, String receiver) {
        return hello(sender, token, receiver, CONFIG);
    }

    private byte[] hello(String sender, long token, String receiver, ConfigurationId configuration) {
        return peerSealer.seal(
                RingMessageCodec.encode(new Hello(sender, RoundId.NONE, token), configuration), sender, receiver);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
