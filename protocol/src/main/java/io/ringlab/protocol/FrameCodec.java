package io.ringlab.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes and decodes RingLab frames. Layout (big-endian), see {@code docs/PROTOCOL.md}:
 *
 * <pre>
 *  0  2  magic 'R' 'L'
 *  2  1  version (1)
 *  3  1  type
 *  4  8  request id        (request and reply frames)
 * 12  n  payload           (the rest of the datagram)
 *
 *  ping frames:
 *  4  8  nonce
 * 12  1  n, the length of the target name (1-255)
 * 13  n  target: the name the agent knows the server by, UTF-8
 *
 *  server state frames:
 *  4  8  sequence (grows with every state a server process sends; starts from its start time)
 * 12  1  state: 'u' up, 'd' planned downtime
 * 13  4  milliseconds of downtime left (0 when up)
 * 17  8  the nonce of the ping answered (0 for an announcement)
 * </pre>
 *
 * Ping and server state frames travel between cluster members only, sealed (see
 * {@link io.ringlab.protocol.auth.FrameSealer}); decode them once they are opened.
 */
public final class FrameCodec {

    public static final byte MAGIC_0 = 'R';
    public static final byte MAGIC_1 = 'L';
    public static final byte VERSION = 1;
    public static final int HEADER_LENGTH = 4;
    public static final int REQUEST_HEADER_LENGTH = HEADER_LENGTH + Long.BYTES;
    public static final int SERVER_STATE_LENGTH = HEADER_LENGTH + Long.BYTES + 1 + Integer.BYTES + Long.BYTES;
    private static final int MAX_TARGET_BYTES = 255;
    private static final byte STATE_UP = 'u';
    private static final byte STATE_DOWN = 'd';

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private FrameCodec() {}

    public static byte[] encode(Frame frame) {
        if (frame instanceof Request request) {
            return encodeRequest(request.requestId(), request.payload());
        }
        if (frame instanceof Reply reply) {
            return encodeReply(reply.requestId(), reply.payload());
        }
        if (frame instanceof ServerState state) {
            byte[] out = new byte[SERVER_STATE_LENGTH];
            writeHeader(out, FrameType.SERVER_STATE, state.sequence());
            out[REQUEST_HEADER_LENGTH] = state.up() ? STATE_UP : STATE_DOWN;
            ByteBuffer.wrap(out, REQUEST_HEADER_LENGTH + 1, Integer.BYTES + Long.BYTES)
                    .putInt((int) Math.max(0, Math.min(Integer.MAX_VALUE, state.remainingMillis())))
                    .putLong(state.echo());
            return out;
        }
        if (frame instanceof Ping ping) {
            byte[] target = ping.target().getBytes(StandardCharsets.UTF_8);
            if (target.length == 0 || target.length > MAX_TARGET_BYTES) {
                throw new IllegalArgumentException("a ping's target has 1-255 bytes of UTF-8: '" + ping.target() + "'");
            }
            byte[] out = new byte[REQUEST_HEADER_LENGTH + 1 + target.length];
            writeHeader(out, FrameType.PING, ping.nonce());
            out[REQUEST_HEADER_LENGTH] = (byte) target.length;
            System.arraycopy(target, 0, out, REQUEST_HEADER_LENGTH + 1, target.length);
            return out;
        }
        throw new IllegalArgumentException("unknown frame " + frame);
    }

    public static byte[] encodeRequest(long requestId, byte[] payload) {
        return encodeIdAndPayload(FrameType.REQUEST, requestId, payload, 0, payload.length);
    }

    public static byte[] encodeReply(long requestId, byte[] payload) {
        return encodeIdAndPayload(FrameType.REPLY, requestId, payload, 0, payload.length);
    }

    /** A reply whose payload is {@code payload[offset, offset+length)} reversed, without an intermediate copy. */
    public static byte[] encodeReversedReply(long requestId, byte[] payload, int offset, int length) {
        byte[] out = new byte[REQUEST_HEADER_LENGTH + length];
        writeHeader(out, FrameType.REPLY, requestId);
        for (int i = 0; i < length; i++) {
            out[REQUEST_HEADER_LENGTH + i] = payload[offset + length - 1 - i];
        }
        return out;
    }

    private static byte[] encodeIdAndPayload(FrameType type, long requestId, byte[] payload, int offset, int length) {
        byte[] out = new byte[REQUEST_HEADER_LENGTH + length];
        writeHeader(out, type, requestId);
        System.arraycopy(payload, offset, out, REQUEST_HEADER_LENGTH, length);
        return out;
    }

    private static void writeHeader(byte[] out, FrameType type, long idOrSequence) {
        out[0] = MAGIC_0;
        out[1] = MAGIC_1;
        out[2] = VERSION;
        out[3] = type.code();
        ByteBuffer.wrap(out, HEADER_LENGTH, Long.BYTES).putLong(idOrSequence);
    }

    /**
     * Without allocating: the type of a frame of at least {@link #REQUEST_HEADER_LENGTH} bytes with the magic,
     * the version and a known type; {@code null} for anything else ({@link #decode} says what it is). For the
     * data path, where a request or a reply is handled in place.
     */
    public static FrameType frameType(byte[] data) {
        return data.length < HEADER_LENGTH ? null : frameType(data.length, data[0], data[1], data[2], data[3]);
    }

    /**
     * As {@link #frameType(byte[])}, from a frame's length and its first {@link #HEADER_LENGTH} bytes, wherever the
     * frame is kept (a network buffer the data path reads in place).
     */
    public static FrameType frameType(int length, byte magic0, byte magic1, byte version, byte typeCode) {
        if (length < REQUEST_HEADER_LENGTH || magic0 != MAGIC_0 || magic1 != MAGIC_1 || version != VERSION) {
            return null;
        }
        return FrameType.fromCode(typeCode);
    }

    /** The request id of a request or reply frame (see {@link #frameType}). */
    public static long requestId(byte[] frame) {
        return (long) LONG.get(frame, HEADER_LENGTH);
    }

    /** Overwrites the request id of a request or reply frame in place; returns the same array. */
    public static byte[] rewriteRequestId(byte[] frame, long requestId) {
        LONG.set(frame, HEADER_LENGTH, requestId);
        return frame;
    }

    /** True when the datagram starts with the RingLab magic, so it is meant as a frame. */
    public static boolean looksFramed(byte[] data, int length) {
        return length >= 2 && data[0] == MAGIC_0 && data[1] == MAGIC_1;
    }

    public static Decoded decode(byte[] data) {
        return decode(data, data.length);
    }

    /** Decodes {@code data[0, length)}. Never throws on any input. */
    public static Decoded decode(byte[] data, int length) {
        if (length <= 0) {
            return new Decoded.Invalid(DropReason.EMPTY);
        }
        if (!looksFramed(data, length)) {
            return new Decoded.Raw(Arrays.copyOf(data, length));
        }
        if (length < HEADER_LENGTH) {
            return new Decoded.Invalid(DropReason.TRUNCATED);
        }
        if (data[2] != VERSION) {
            return new Decoded.Invalid(DropReason.UNSUPPORTED_VERSION);
        }
        FrameType type = FrameType.fromCode(data[3]);
        if (type == null) {
            return new Decoded.Invalid(DropReason.UNKNOWN_TYPE);
        }
        if (length < REQUEST_HEADER_LENGTH) {
            return new Decoded.Invalid(DropReason.TRUNCATED);
        }
        long idOrSequence = ByteBuffer.wrap(data, HEADER_LENGTH, Long.BYTES).getLong();
        if (type == FrameType.SERVER_STATE) {
            return decodeServerState(data, length, idOrSequence);
        }
        if (type == FrameType.PING) {
            return decodePing(data, length, idOrSequence);
        }
        byte[] payload = Arrays.copyOfRange(data, REQUEST_HEADER_LENGTH, length);
        return new Decoded.Framed(
                type == FrameType.REQUEST ? new Request(idOrSequence, payload) : new Reply(idOrSequence, payload));
    }

    private static Decoded decodeServerState(byte[] data, int length, long sequence) {
        if (length < SERVER_STATE_LENGTH) {
            return new Decoded.Invalid(DropReason.TRUNCATED);
        }
        byte state = data[REQUEST_HEADER_LENGTH];
        ByteBuffer fields = ByteBuffer.wrap(data, REQUEST_HEADER_LENGTH + 1, Integer.BYTES + Long.BYTES);
        int remaining = fields.getInt();
        long echo = fields.getLong();
        if (length > SERVER_STATE_LENGTH || (state != STATE_UP && state != STATE_DOWN) || remaining < 0) {
            return new Decoded.Invalid(DropReason.MALFORMED);
        }
        return new Decoded.Framed(new ServerState(sequence, state == STATE_UP, remaining, echo));
    }

    private static Decoded decodePing(byte[] data, int length, long nonce) {
        if (length < REQUEST_HEADER_LENGTH + 2) {
            return new Decoded.Invalid(DropReason.TRUNCATED);
        }
        int targetLength = data[REQUEST_HEADER_LENGTH] & 0xFF;
        if (targetLength == 0 || length != REQUEST_HEADER_LENGTH + 1 + targetLength) {
            return new Decoded.Invalid(DropReason.MALFORMED);
        }
        String target = Utf8.decode(data, REQUEST_HEADER_LENGTH + 1, targetLength);
        return target == null ? new Decoded.Invalid(DropReason.MALFORMED) : new Decoded.Framed(new Ping(nonce, target));
    }
}
