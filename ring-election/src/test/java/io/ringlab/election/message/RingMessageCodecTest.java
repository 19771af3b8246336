package io.ringlab.election.message;

import io.ringlab.election.message.DecodeResult.Decoded;
import io.ringlab.election.message.DecodeResult.Malformed;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RingMessageCodecTest {

    private static final RoundId ROUND = new RoundId(7, "ring-server-1.ring-server:4242", 0x1234_5678_9ABCL);
    private static final String A = "localhost:4242";
    private static final String B = "[::1]:4243";
    private static final ConfigurationId CONFIG = ConfigurationId.of(List.of(A, B, "localhost:4244"));

    static List<RingMessage> everyType() {
        return List.of(
                new Election(A, ROUND, Direction.LEFT, new Nominee(B, 42), -1L),
                new Result(A, ROUND, Direction.RIGHT, new Nominee("ünïcødé:1", 0), Long.MAX_VALUE),
                new Ack(A, 99, ROUND),
                new Ack(A, 99, RoundId.NONE),
                new LeaseRequest(A, ROUND, 5, 15_000_000_000L, 3),
                new Grant(B, ROUND, A, 4, 3),
                new Refusal(B, ROUND, A, RefusalReason.LEASE_HELD, 1_000, 3),
                new Down(A, ROUND, 5, 14_000_000_000L, 8),
                new Up(A, ROUND, 3),
                new Veto(B, ROUND, A, 12, 77),
                new Hello(A, RoundId.NONE, 1));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void roundTripsEveryMessageType(RingMessage message) {
        byte[] bytes = RingMessageCodec.encode(message, CONFIG);

        assertThat(RingMessageCodec.decode(bytes)).isEqualTo(new Decoded(message, CONFIG));
        assertThat(bytes[0]).isEqualTo((byte) 'R');
        assertThat(bytes[1]).isEqualTo((byte) 'L');
        assertThat(bytes[2]).isEqualTo((byte) 1);
        assertThat(bytes[3]).isEqualTo(message.type().code());
    }

    @Test
    void electionLayoutIsAsDocumented() {
        byte[] bytes = RingMessageCodec.encode(
                new Election("a", new RoundId(1, "b", 2), Direction.RIGHT, new Nominee("c", 3), 4),
                new ConfigurationId(0x1234_5678_9ABC_DEF0L));

        assertThat(bytes)
                .containsExactly(
                        'R', 'L', 1, 'e', 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 1, 'a', 0, 0, 0, 0, 0, 0, 0,
                        1, 1, 'b', 0, 0, 0, 0, 0, 0, 0, 2, 'R', 1, 'c', 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4);
    }

    @Test
    void typeCodesAreLowercaseUniqueAndNotTakenByOtherFrames() {
        Set<Byte> codes =
                Arrays.stream(MessageType.values()).map(MessageType::code).collect(Collectors.toSet());

        assertThat(codes).hasSize(MessageType.values().length);
        for (byte code : codes) {
            assertThat((char) code).isLowerCase();
            assertThat(FrameType.fromCode(code)).isNull();
            assertThat("qapo".indexOf(code)).isNegative();
        }
    }

    @Test
    void reportsWhyAMalformedDatagramIsNotAMessage() {
        byte[] good = RingMessageCodec.encode(new Hello(A, ROUND, 1), CONFIG);

        assertThat(problem(new byte[0])).isEqualTo(DropReason.EMPTY);
        assertThat(problem(new byte[] {1, 2, 3})).isEqualTo(DropReason.NOT_A_FRAME);
        assertThat(problem(new byte[] {'R', 'L', 1})).isEqualTo(DropReason.TRUNCATED);
        assertThat(problem(withByte(good, 2, 2))).isEqualTo(DropReason.UNSUPPORTED_VERSION);
        assertThat(problem(withByte(good, 3, 'q'))).isEqualTo(DropReason.UNKNOWN_TYPE);
        assertThat(problem(withByte(good, 3, 'z'))).isEqualTo(DropReason.UNKNOWN_TYPE);
        assertThat(problem(Arrays.copyOf(good, good.length - 1))).isEqualTo(DropReason.TRUNCATED);
        assertThat(problem(Arrays.copyOf(good, good.length + 1))).isEqualTo(DropReason.MALFORMED);
        assertThat(detail(Arrays.copyOf(good, good.length + 1))).endsWith("1 bytes after the last field");
        assertThat(problem(withByte(good, 12, 0))).isIn(DropReason.MALFORMED, DropReason.TRUNCATED);
    }

    @Test
    void rejectsBadFields() {
        byte[] election = RingMessageCodec.encode(
                new Election("a", new RoundId(1, "b", 2), Direction.RIGHT, new Nominee("c", 3), 4), CONFIG);
        int directionAt = 4 + 8 + 2 + 8 + 2 + 8;

        assertThat(problem(withByte(election, directionAt, 'X'))).isEqualTo(DropReason.MALFORMED);
        assertThat(detail(withByte(election, directionAt, 'X'))).endsWith("direction byte 88");
        assertThat(problem(withByte(election, 13, 0xFF))).isEqualTo(DropReason.MALFORMED);
        assertThat(problem(withByte(election, 12, 0))).isEqualTo(DropReason.MALFORMED);
        byte[] refusal = RingMessageCodec.encode(new Refusal(A, ROUND, B, RefusalReason.DOWN, 0, 1), CONFIG);
        assertThat(problem(withByte(refusal, refusal.length - 17, 99))).isEqualTo(DropReason.MALFORMED);
        byte[] down = RingMessageCodec.encode(new Down(A, ROUND, 1, 5, 1), CONFIG);
        assertThat(problem(withByte(down, down.length - 16, 0x80))).isEqualTo(DropReason.MALFORMED);
    }

    @Test
    void refusesTermsAboveTheMaximumAsBadField() {
        long maxTerm = 1L << 40;

        assertThat(problem(RingMessageCodec.encode(new Hello(A, new RoundId(Long.MAX_VALUE, B, 1), 1), CONFIG)))
                .isEqualTo(DropReason.MALFORMED);
        assertThat(problem(RingMessageCodec.encode(new Ack(A, 1, new RoundId(maxTerm + 1, B, 1)), CONFIG)))
                .isEqualTo(DropReason.MALFORMED);
        assertThat(RingMessageCodec.decode(
                        RingMessageCodec.encode(new Hello(A, new RoundId(maxTerm, B, 1), 1), CONFIG)))
                .isInstanceOf(Decoded.class);
    }

    @Test
    void refusesToEncodeAnIdLongerThan255Bytes() {
        String longId = "x".repeat(256);

        assertThatThrownBy(() -> RingMessageCodec.encode(new Hello(longId, RoundId.NONE, 1), CONFIG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
        assertThat(RingMessageCodec.decode(
                        RingMessageCodec.encode(new Hello("y".repeat(255), RoundId.NONE, 1), CONFIG)))
                .isInstanceOf(Decoded.class);
    }

    @Test
    void neverThrowsOnRandomOrMangledInput() {
        Random random = new Random(42);
        List<byte[]> valid = everyType().stream()
                .map(message -> RingMessageCodec.encode(message, CONFIG))
                .toList();
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                if (bytes.length > 3 && random.nextBoolean()) {
                    bytes[0] = 'R';
                    bytes[1] = 'L';
                    bytes[2] = 1;
                }
            } else {
                bytes = valid.get(random.nextInt(valid.size())).clone();
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                bytes = Arrays.copyOf(bytes, Math.max(0, bytes.length - random.nextInt(3)));
            }
            DecodeResult result = RingMessageCodec.decode(bytes);
            if (result instanceof Decoded decoded) {
                assertThat(RingMessageCodec.decode(
                                RingMessageCodec.encode(decoded.ringMessage(), decoded.configuration())))
                        .isEqualTo(result);
            }
        }
        assertThat(RingMessageCodec.decode(null, 0, 0)).isInstanceOf(Malformed.class);
        assertThat(RingMessageCodec.decode(new byte[4], 2, 10)).isInstanceOf(Malformed.class);
    }

    private static DropReason problem(byte[] bytes) {
        return malformed(bytes).reason();
    }

    private static String detail(byte[] bytes) {
        return malformed(bytes).detail();
    }

    private static Malformed malformed(byte[] bytes) {
        DecodeResult result = RingMessageCodec.decode(bytes);
        assertThat(result).isInstanceOf(Malformed.class);
        assertThat(result.message()).isEmpty();
        return (Malformed) result;
    }

    private static byte[] withByte(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }
}
