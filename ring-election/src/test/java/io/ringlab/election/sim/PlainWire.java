package io.ringlab.election.sim;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.DecodeResult;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.protocol.DropReason;

import java.util.Arrays;

/**
 * The wire before authentication: messages go out as bare frames and are decoded straight from the bytes. Only
 * to show what the adversary does to a ring that does not authenticate.
 */
final class PlainWire implements NodeWire {

    private final ConfigurationId configuration;

    PlainWire(ConfigurationId configuration) {
        this.configuration = configuration;
    }

    @Override
    public byte[] seal(RingMessage message, String to) {
        return RingMessageCodec.encode(message, configuration);
    }

    @Override
    public int fingerprint(byte[] datagram) {
        return Arrays.hashCode(datagram);
    }

    @Override
    public Verdict open(byte[] datagram) {
        return RingMessageCodec.decode(datagram) instanceof DecodeResult.Decoded ok
                ? new Admitted(ok.ringMessage())
                : new Refused(DropReason.MALFORMED);
    }
}
