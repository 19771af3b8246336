package io.ringlab.protocol.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals the frames one member process sends to other members (see {@link Envelope}): its incarnation, the next
 * sequence, and the MAC under the current key. Thread-safe.
 */
public final class FrameSealer {

    private final ClusterKeyring keyring;
    private final long incarnation;
    private final AtomicLong sequence = new AtomicLong();

    /** @param incarnation this process's incarnation: drawn from a {@link java.security.SecureRandom} at start */
    public FrameSealer(ClusterKeyring keyring, long incarnation) {
        this.keyring = keyring;
        this.incarnation = incarnation;
    }

    /**
     * The frame followed by its trailer, sent by {@code sender} (1-255 bytes of UTF-8) to {@code receiver}. The
     * receiver's id is in the MAC but not on the wire: only that receiver opens the frame, so a frame captured on
     * its way to one member cannot be replayed to another. An empty receiver binds none (the frame names its
     * receiver itself, as a ping names its target).
     */
    public byte[] seal(byte[] frame, String sender, String receiver) {
        byte[] senderBytes = sender.getBytes(StandardCharsets.UTF_8);
        if (senderBytes.length == 0 || senderBytes.length > Envelope.MAX_SENDER_BYTES) {
            throw new IllegalArgumentException("a sender id has 1-255 bytes of UTF-8: '" + sender + "'");
        }
        ClusterKey key = keyring.keys().current();
        int macAt = frame.length + senderBytes.length + Envelope.FIXED_LENGTH - Envelope.MAC_LENGTH;
        byte[] sealed = new byte[macAt + Envelope.MAC_LENGTH];
        ByteBuffer.wrap(sealed)
                .put(frame)
                .put(senderBytes)
                .put((byte) senderBytes.length)
                .put(key.id())
                .putLong(incarnation)
                .putLong(sequence.incrementAndGet());
        byte[] mac = key.mac(sealed, macAt, receiver.getBytes(StandardCharsets.UTF_8), Envelope.MAC_LENGTH);
        System.arraycopy(mac, 0, sealed, macAt, Envelope.MAC_LENGTH);
        return sealed;
    }

    public long incarnation() {
        return incarnation;
    }
}
