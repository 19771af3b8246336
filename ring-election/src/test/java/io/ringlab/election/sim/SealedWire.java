package io.ringlab.election.sim;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.DecodeResult;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.protocol.auth.Opened;

import java.util.Arrays;
import java.util.Set;

/**
 * A node instance's sealed wire, as a ring server has it: every message sealed by this instance's
 * {@link FrameSealer} for its receiver; every datagram opened with this node's id as the receiver, and admitted
 * only if it is authentic, seen for the first time, sealed by a ring peer other than this node, in that peer's
 * own name, and of this node's ring configuration (as {@code RingHost.receive} in the ring server does, before
 * anything is queued for the node). A peer's message of another configuration is reported, not admitted.
 */
final class SealedWire implements NodeWire {

    /** Anti-replay windows kept, as the services' default {@code replay-senders}. */
    private static final int REPLAY_SENDERS = 1024;

    private static final int MAC_BYTES = 16;

    private final String self;
    private final Set<String> peers;
    private final FrameSealer sealer;
    private final FrameAuthenticator authenticator;
    private final ConfigurationId configuration;

    SealedWire(
            String self, Set<String> peers, ConfigurationId configuration, ClusterKeyring keyring, long incarnation) {
        this.self = self;
        this.peers = peers;
        this.configuration = configuration;
        this.sealer = new FrameSealer(keyring, incarnation);
        this.authenticator = new FrameAuthenticator(keyring, REPLAY_SENDERS);
    }

    @Override
    public byte[] seal(RingMessage message, String to) {
        return sealer.seal(RingMessageCodec.encode(message, configuration), self, to);
    }

    /** The MAC at the end: a digest of every byte before it (and the receiver), so hashing it is enough. */
    @Override
    public int fingerprint(byte[] datagram) {
        return Arrays.hashCode(Arrays.copyOfRange(datagram, datagram.length - MAC_BYTES, datagram.length));
    }

    @Override
    public Verdict open(byte[] datagram) {
        Opened opened = authenticator.open(datagram, datagram.length, self);
        if (opened instanceof Opened.Rejected rejected) {
            return new Refused(rejected.reason());
        }
        Opened.Authentic authentic = (Opened.Authentic) opened;
        if (!peers.contains(authentic.sender()) || authentic.sender().equals(self)) {
            return new Refused(DropReason.UNKNOWN_SENDER);
        }
        DecodeResult decoded = RingMessageCodec.decode(datagram, 0, authentic.frameLength());
        if (!(decoded instanceof DecodeResult.Decoded ok)) {
            return new Refused(DropReason.MALFORMED);
        }
        if (!ok.ringMessage().sender().equals(authentic.sender())) {
            return new Refused(DropReason.UNKNOWN_SENDER);
        }
        if (!ok.configuration().equals(configuration)) {
            return new OtherConfiguration(authentic.sender());
        }
        return new Admitted(ok.ringMessage());
    }
}
