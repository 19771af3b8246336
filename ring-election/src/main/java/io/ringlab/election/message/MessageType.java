package io.ringlab.election.message;

/**
 * The type byte of each ring message. Lowercase letters; the seed's where it had one ({@code e}, {@code r},
 * {@code d}, {@code u}). {@code q}, {@code a}, {@code p}, {@code o} belong to other RingLab frames.
 */
public enum MessageType {
    /** Election: a nominee travelling around the ring. */
    ELECTION('e'),
    /** Result: the nominee both sides agreed on, travelling around the ring. */
    RESULT('r'),
    /** Acknowledges a message that is retransmitted until acknowledged. */
    ACK('k'),
    /** The winner asks for a down permit (a lease). */
    LEASE_REQUEST('l'),
    /** A down permit granted. */
    GRANT('g'),
    /** A down permit refused, with the reason. */
    REFUSAL('n'),
    /** The winner commits the round and is going down. */
    DOWN('d'),
    /** The winner is up again (or gave up): leases granted to it are released. */
    UP('u'),
    /** A round cannot run now: a winner is down, or may be. */
    VETO('v'),
    /** A probe: "are you there, and which round are you in?". */
    HELLO('h');

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code & 0xFF] = type;
        }
    }

    private final byte code;

    MessageType(char code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The type with this code, or {@code null}. */
    public static MessageType fromCode(byte code) {
        return BY_CODE[code & 0xFF];
    }
}
