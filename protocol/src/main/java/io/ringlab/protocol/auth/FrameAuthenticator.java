package io.ringlab.protocol.auth;

import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.Utf8;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Opens frames sealed by a {@link FrameSealer}: checks the MAC under every accepted key with the frame's key id
 * before anything else is read, then the anti-replay window of the sender's incarnation. Never throws on any
 * input. Thread-safe.
 */
public final class FrameAuthenticator {

    private static final Opened.Rejected AUTH_FAILED = new Opened.Rejected(DropReason.AUTH_FAILED);
    private static final Opened.Rejected REPLAYED = new Opened.Rejected(DropReason.REPLAYED);

    private final ClusterKeyring keyring;
    private final ReplayGuard replays;

    /** @param senders how many (sender, incarnation) windows to keep; the least recently used go first */
    public FrameAuthenticator(ClusterKeyring keyring, int senders) {
        this.keyring = keyring;
        this.replays = new ReplayGuard(senders);
    }

    public Opened open(byte[] datagram, String receiver) {
        return open(datagram, datagram.length, receiver);
    }

    /** Opens {@code datagram[0, length)}, sealed for {@code receiver} (see {@link FrameSealer#seal}). */
    public Opened open(byte[] datagram, int length, String receiver) {
        if (length < Envelope.FIXED_LENGTH + 1 || length > datagram.length) {
            return AUTH_FAILED;
        }
        int macAt = length - Envelope.MAC_LENGTH;
        ByteBuffer trailer = ByteBuffer.wrap(datagram, length - Envelope.FIXED_LENGTH, Envelope.FIXED_LENGTH);
        int senderLength = trailer.get() & 0xFF;
        byte keyId = trailer.get();
        long incarnation = trailer.getLong();
        long sequence = trailer.getLong();
        int senderAt = length - Envelope.FIXED_LENGTH - senderLength;
        if (senderLength == 0 || senderAt < 0 || !macMatches(datagram, macAt, keyId, receiver)) {
            return AUTH_FAILED;
        }
        String sender = Utf8.decode(datagram, senderAt, senderLength);
        if (sender == null) {
            return AUTH_FAILED;
        }
        if (!replays.firstTime(sender, incarnation, sequence)) {
            return REPLAYED;
        }
        return new Opened.Authentic(sender, incarnation, sequence, senderAt);
    }

    private boolean macMatches(byte[] datagram, int macAt, byte keyId, String receiver) {
        byte[] receiverBytes = receiver.getBytes(StandardCharsets.UTF_8);
        byte[] received = new byte[Envelope.MAC_LENGTH];
        System.arraycopy(datagram, macAt, received, 0, Envelope.MAC_LENGTH);
        for (ClusterKey key : keyring.keys().withId(keyId)) {
            if (MessageDigest.isEqual(key.mac(datagram, macAt, receiverBytes, Envelope.MAC_LENGTH), received)) {
                return true;
            }
        }
        return false;
    }
}
