package io.ringlab.election.message;

import io.ringlab.election.message.DecodeResult.Decoded;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring message codec over generated messages and bytes (jqwik prints the seed of a failure): every message
 * round-trips with the configuration id it was sent under, the id sits at a fixed place inside the frame, and the
 * decoder is strict: whatever it accepts re-encodes to exactly the same bytes, so no two datagrams mean the same.
 */
class RingMessageCodecPropertiesTest {

    @Property(tries = 1000)
    void everyMessageRoundTripsWithItsConfiguration(
            @ForAll("messages") RingMessage message, @ForAll long configuration) {
        ConfigurationId id = new ConfigurationId(configuration);
        byte[] bytes = RingMessageCodec.encode(message, id);

        assertThat(RingMessageCodec.decode(bytes)).isEqualTo(new Decoded(message, id));
        long onTheWire = 0;
        for (int i = 4; i < 12; i++) {
            onTheWire = (onTheWire << 8) | (bytes[i] & 0xFF);
        }
        assertThat(onTheWire).as("big-endian at bytes 4 to 11").isEqualTo(configuration);
    }

    @Property(tries = 1000)
    void aChangedConfigurationByteChangesOnlyTheConfiguration(
            @ForAll("messages") RingMessage message,
            @ForAll long configuration,
            @ForAll @IntRange(min = 4, max = 11) int at,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = RingMessageCodec.encode(message, new ConfigurationId(configuration));
        bytes[at] ^= (byte) mask;

        DecodeResult result = RingMessageCodec.decode(bytes);

        assertThat(result).isInstanceOf(Decoded.class);
        Decoded decoded = (Decoded) result;
        assertThat(decoded.ringMessage()).isEqualTo(message);
        assertThat(decoded.configuration().value()).isNotEqualTo(configuration);
    }

    @Property(tries = 2000)
    void whateverDecodesReEncodesToTheSameBytes(
            @ForAll("messages") RingMessage message,
            @ForAll long configuration,
            @ForAll @IntRange(max = 10_000) int at,
            @ForAll @IntRange(max = 255) int value,
            @ForAll @IntRange(max = 3) int cut) {
        byte[] bytes = RingMessageCodec.encode(message, new ConfigurationId(configuration));
        bytes[at % bytes.length] = (byte) value;
        bytes = Arrays.copyOf(bytes, bytes.length - Math.min(cut, bytes.length));

        if (RingMessageCodec.decode(bytes) instanceof Decoded decoded) {
            assertThat(RingMessageCodec.encode(decoded.ringMessage(), decoded.configuration()))
                    .isEqualTo(bytes);
        }
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 300) byte[] bytes) {
        assertThat(RingMessageCodec.decode(bytes)).isNotNull();
    }

    @Provide
    Arbitrary<RingMessage> messages() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(':', '.', 'ü')
                .ofMinLength(1)
                .ofMaxLength(40);
        Arbitrary<RoundId> rounds = Arbitraries.oneOf(
                Arbitraries.just(RoundId.NONE),
                Combinators.combine(Arbitraries.longs().between(1, RoundId.MAX_TERM), ids, Arbitraries.longs())
                        .as(RoundId::new));
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<Long> durations = Arbitraries.longs().greaterOrEqual(0);
        Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
        Arbitrary<Nominee> nominees = Combinators.combine(ids, longs).as(Nominee::new);
        return Arbitraries.oneOf(
                Combinators.combine(ids, rounds, directions, nominees, longs).as(Election::new),
                Combinators.combine(ids, rounds, directions, nominees, longs).as(Result::new),
                Combinators.combine(ids, longs, rounds).as(Ack::new),
                Combinators.combine(ids, rounds, longs, durations, longs).as(LeaseRequest::new),
                Combinators.combine(ids, rounds, ids, longs, longs).as(Grant::new),
                Combinators.combine(ids, rounds, ids, Arbitraries.of(RefusalReason.class), durations, longs)
                        .as(Refusal::new),
                Combinators.combine(ids, rounds, longs, durations, longs).as(Down::new),
                Combinators.combine(ids, rounds, longs).as(Up::new),
                Combinators.combine(ids, rounds, ids, durations, longs).as(Veto::new),
                Combinators.combine(ids, rounds, longs).as(Hello::new));
    }
}
