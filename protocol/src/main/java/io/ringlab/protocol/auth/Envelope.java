package io.ringlab.protocol.auth;

/**
 * The trailer that authenticates a frame between cluster members, appended after the frame's own bytes (so that
 * the frame's decoders read it unchanged once it is opened). All integers big-endian:
 *
 * <pre>
 *  frame bytes (header and body)
 *  sender id    n bytes of UTF-8 (1-255): the member that sealed the frame
 *  n            u8
 *  key id       u8   first byte of SHA-256(key): which key to check with
 *  incarnation  i64  drawn at random when the sender process starts
 *  sequence     i64  1, 2, 3... per incarnation: the anti-replay counter
 *  mac          16 bytes: HMAC-SHA256(key, every byte before it, then the receiver's id), truncated to 128 bits
 * </pre>
 *
 * The receiver's id is not sent: the receiver puts its own, so a frame opens only where it was meant to go.
 */
final class Envelope {

    static final int MAC_LENGTH = 16;
    /** The trailer's bytes after the sender id. */
    static final int FIXED_LENGTH = 1 + 1 + Long.BYTES + Long.BYTES + MAC_LENGTH;

    static final int MAX_SENDER_BYTES = 255;

    private Envelope() {}
}
