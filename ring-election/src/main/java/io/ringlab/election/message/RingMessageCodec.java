package io.ringlab.election.message;

import io.ringlab.election.message.DecodeResult.Decoded;
import io.ringlab.election.message.DecodeResult.Malformed;
import io.ringlab.election.message.WireReader.WireException;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;

/**
 * Encodes ring messages behind the RingLab header and decodes them without ever throwing. Layout
 * (big-endian; see {@code docs/ELECTION.md}):
 *
 * <pre>
 *  0  2  magic 'R' 'L'
 *  2  1  version 1
 *  3  1  type: e r k l g n d u v h
 *  4  8  configuration id: the sender's ring configuration ({@link ConfigurationId})
 * 12  .  sender  id
 *     .  fields of the type, e.g. election: round, direction 'L'|'R', nominee id, value i64, token i64
 *
 *  id    = u8 length (0-255) + that many bytes of UTF-8
 *  round = term i64, initiator id, incarnation i64     ("none" = 0, empty, 0; term at most RoundId.MAX_TERM)
 * </pre>
 *
 * <p>Decoding refuses a term above {@link io.ringlab.election.message.RoundId#MAX_TERM}; encoding does not check it, so
 * that tests can build what a hostile sender would.
 */
public final class RingMessageCodec {

    /** The longest node id, in bytes of UTF-8. */
    public static final int MAX_ID_BYTES = 255;

    private static final byte LEFT = 'L';
    private static final byte RIGHT = 'R';

    private RingMessageCodec() {}

    /**
     * Encodes a message of a node whose ring configuration is {@code configuration}; throws
     * {@link IllegalArgumentException} only for an id over 255 bytes.
     */
    public static byte[] encode(RingMessage message, ConfigurationId configuration) {
        WireWriter out = new WireWriter()
                .u8(FrameCodec.MAGIC_0)
                .u8(FrameCodec.MAGIC_1)
                .u8(FrameCodec.VERSION)
                .u8(message.type().code())
                .i64(configuration.value())
                .id(message.sender());
        if (message instanceof Election m) {
            out.round(m.round())
                    .u8(direction(m.direction()))
                    .id(m.nominee().id())
                    .i64(m.nominee().value())
                    .i64(m.token());
        } else if (message instanceof Result m) {
            out.round(m.round())
                    .u8(direction(m.direction()))
                    .id(m.winner().id())
                    .i64(m.winner().value())
                    .i64(m.token());
        } else if (message instanceof Ack m) {
            out.i64(m.token()).round(m.round());
        } else if (message instanceof LeaseRequest m) {
            out.round(m.round()).i64(m.value()).i64(m.downtimeNanos()).i64(m.token());
        } else if (message instanceof Grant m) {
            out.round(m.round()).id(m.winner()).i64(m.granterValue()).i64(m.token());
        } else if (message instanceof Refusal m) {
            out.round(m.round())
                    .id(m.winner())
                    .u8(m.reason().code())
                    .i64(m.retryAfterNanos())
                    .i64(m.token());
        } else if (message instanceof Down m) {
            out.round(m.round()).i64(m.value()).i64(m.remainingNanos()).i64(m.token());
        } else if (message instanceof Up m) {
            out.round(m.round()).i64(m.askToken());
        } else if (message instanceof Veto m) {
            out.round(m.round()).id(m.downNode()).i64(m.remainingNanos()).i64(m.token());
        } else if (message instanceof Hello m) {
            out.round(m.round()).i64(m.token());
        }
        return out.toBytes();
    }

    public static DecodeResult decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /** Decodes {@code data[offset, offset + length)}. Never throws on any input. */
    public static DecodeResult decode(byte[] data, int offset, int length) {
        if (data == null || length <= 0 || offset < 0 || offset + length > data.length) {
            return new Malformed(DropReason.EMPTY, "no bytes");
        }
        if (length < 2 || data[offset] != FrameCodec.MAGIC_0 || data[offset + 1] != FrameCodec.MAGIC_1) {
            return new Malformed(DropReason.NOT_A_FRAME, "no RingLab magic");
        }
        if (length < FrameCodec.HEADER_LENGTH) {
            return new Malformed(DropReason.TRUNCATED, "ends inside the header");
        }
        if (data[offset + 2] != FrameCodec.VERSION) {
            return new Malformed(DropReason.UNSUPPORTED_VERSION, "version " + (data[offset + 2] & 0xFF));
        }
        MessageType type = MessageType.fromCode(data[offset + 3]);
        if (type == null) {
            return new Malformed(DropReason.UNKNOWN_TYPE, "type byte " + (data[offset + 3] & 0xFF));
        }
        WireReader in = new WireReader(data, offset + FrameCodec.HEADER_LENGTH, length - FrameCodec.HEADER_LENGTH);
        try {
            ConfigurationId configuration = new ConfigurationId(in.i64("configuration"));
            RingMessage message = read(type, in.id("sender"), in);
            in.expectEnd();
            return new Decoded(message, configuration);
        } catch (WireException e) {
            return new Malformed(e.reason, type + ": " + e.getMessage());
        }
    }

    private static RingMessage read(MessageType type, String sender, WireReader in) {
        return switch (type) {
            case ELECTION ->
                new Election(
                        sender,
                        in.round("round"),
                        direction(in.u8()),
                        new Nominee(in.id("nominee"), in.i64("value")),
                        in.i64("token"));
            case RESULT ->
                new Result(
                        sender,
                        in.round("round"),
                        direction(in.u8()),
                        new Nominee(in.id("winner"), in.i64("value")),
                        in.i64("token"));
            case ACK -> new Ack(sender, in.i64("token"), in.round("round"));
            case LEASE_REQUEST ->
                new LeaseRequest(
                        sender, in.round("round"), in.i64("value"), in.nonNegative("downtime"), in.i64("token"));
            case GRANT -> new Grant(sender, in.round("round"), in.id("winner"), in.i64("value"), in.i64("token"));
            case REFUSAL ->
                new Refusal(
                        sender,
                        in.round("round"),
                        in.id("winner"),
                        reason(in.u8()),
                        in.nonNegative("retry-after"),
                        in.i64("token"));
            case DOWN ->
                new Down(sender, in.round("round"), in.i64("value"), in.nonNegative("remaining"), in.i64("token"));
            case UP -> new Up(sender, in.round("round"), in.i64("ask token"));
            case VETO ->
                new Veto(sender, in.round("round"), in.id("down node"), in.nonNegative("remaining"), in.i64("token"));
            case HELLO -> new Hello(sender, in.round("round"), in.i64("token"));
        };
    }

    private static int direction(Direction direction) {
        return direction == Direction.LEFT ? LEFT : RIGHT;
    }

    private static Direction direction(int code) {
        if (code == LEFT) {
            return Direction.LEFT;
        }
        if (code == RIGHT) {
            return Direction.RIGHT;
        }
        throw new WireException(DropReason.MALFORMED, "direction byte " + code);
    }

    private static RefusalReason reason(int code) {
        RefusalReason reason = RefusalReason.fromCode((byte) code);
        if (reason == null) {
            throw new WireException(DropReason.MALFORMED, "refusal reason " + code);
        }
        return reason;
    }
}
