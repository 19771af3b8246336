package io.ringlab.protocol;

/**
 * The type byte of a RingLab frame. Codes are the seed's letters where the seed had one
 * ({@code d}, {@code u}, {@code e}, {@code r}), so frames stay readable in a packet capture.
 */
public enum FrameType {
    /** A client request: request id and payload. */
    REQUEST('q'),
    /** The answer to a request: the same request id and the reversed payload. */
    REPLY('a'),
    /** A server's state for agents: up ({@code u}) or in planned downtime ({@code d}) with the time left. */
    SERVER_STATE('s'),
    /** A health check: the server answers with its state. */
    PING('p');

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType type : values()) {
            BY_CODE[type.code & 0xFF] = type;
        }
    }

    private final byte code;

    FrameType(char code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The type with this code, or {@code null} when the code is not one of ours. */
    public static FrameType fromCode(byte code) {
        return BY_CODE[code & 0xFF];
    }
}
