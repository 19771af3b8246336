package io.ringlab.protocol.auth;

import io.ringlab.protocol.DropReason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of sealed frames over generated input; jqwik prints the seed of any failing sample. */
class FrameAuthenticatorPropertiesTest {

    private static final byte[] KEY = filled(32, 1);
    private static final byte[] NEXT_KEY = filled(48, 2);

    @Property
    void aSealedFrameOpensOnceToItsFrameAndSender(
            @ForAll @Size(max = 1400) byte[] frame, @ForAll("senders") String sender) {
        FrameAuthenticator receiver = authenticator(ClusterKeys.of(KEY, List.of()));
        byte[] sealed =
                new FrameSealer(new ClusterKeyring(ClusterKeys.of(KEY, List.of())), 42).seal(frame, sender, "server-1");

        Opened opened = receiver.open(sealed, "server-1");
        assertThat(opened).isInstanceOf(Opened.Authentic.class);
        Opened.Authentic authentic = (Opened.Authentic) opened;
        assertThat(authentic.sender()).isEqualTo(sender);
        assertThat(authentic.incarnation()).isEqualTo(42);
        assertThat(Arrays.copyOf(sealed, authentic.frameLength())).isEqualTo(frame);
        assertThat(receiver.open(sealed, "server-1"))
                .as("the same datagram again")
                .isEqualTo(new Opened.Rejected(DropReason.REPLAYED));
    }

    @Property(tries = 3000)
    void aBitFlippedAnywhereIsRejected(
            @ForAll @Size(max = 64) byte[] frame,
            @ForAll("senders") String sender,
            @ForAll @IntRange(max = 10_000) int position,
            @ForAll @IntRange(max = 7) int bit) {
        byte[] sealed =
                new FrameSealer(new ClusterKeyring(ClusterKeys.of(KEY, List.of())), 7).seal(frame, sender, "server-1");
        int at = position % sealed.length;
        sealed[at] ^= (byte) (1 << bit);
        assertThat(authenticator(ClusterKeys.of(KEY, List.of())).open(sealed, "server-1"))
                .isEqualTo(new Opened.Rejected(DropReason.AUTH_FAILED));
    }

    @Property(tries = 3000)
    void anyBytesOpenWithoutThrowingAndNeverAsAuthentic(@ForAll @Size(max = 80) byte[] datagram) {
        assertThat(authenticator(ClusterKeys.of(KEY, List.of())).open(datagram, "server-1"))
                .isEqualTo(new Opened.Rejected(DropReason.AUTH_FAILED));
    }

    @Property(tries = 200)
    void aFrameUnderAnotherKeyOpensOnlyWhileThatKeyIsAccepted(
            @ForAll @Size(max = 64) byte[] frame, @ForAll("senders") String sender) {
        byte[] underNextKey = new FrameSealer(new ClusterKeyring(ClusterKeys.of(NEXT_KEY, List.of())), 9)
                .seal(frame, sender, "server-1");
        ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.of(KEY, List.of(NEXT_KEY)));
        FrameAuthenticator receiver = new FrameAuthenticator(keyring, 16);
        assertThat(receiver.open(underNextKey, "server-1")).isInstanceOf(Opened.Authentic.class);

        keyring.install(ClusterKeys.of(KEY, List.of()));
        byte[] later = new FrameSealer(new ClusterKeyring(ClusterKeys.of(NEXT_KEY, List.of())), 10)
                .seal(frame, sender, "server-1");
        assertThat(receiver.open(later, "server-1")).isEqualTo(new Opened.Rejected(DropReason.AUTH_FAILED));
    }

    @Property(tries = 500)
    void aFrameOpensOnlyAtTheReceiverItWasSealedFor(
            @ForAll @Size(max = 64) byte[] frame, @ForAll("senders") String sender) {
        byte[] sealed =
                new FrameSealer(new ClusterKeyring(ClusterKeys.of(KEY, List.of())), 5).seal(frame, sender, "server-1");
        FrameAuthenticator other = authenticator(ClusterKeys.of(KEY, List.of()));
        assertThat(other.open(sealed, "server-2")).isEqualTo(new Opened.Rejected(DropReason.AUTH_FAILED));
        assertThat(other.open(sealed, "server-1")).isInstanceOf(Opened.Authentic.class);
    }

    @Property(tries = 200)
    void insecureFramesDoNotOpenUnderARealKey(@ForAll @Size(max = 64) byte[] frame, @ForAll("senders") String sender) {
        byte[] insecure =
                new FrameSealer(new ClusterKeyring(ClusterKeys.insecure()), 1).seal(frame, sender, "server-1");
        assertThat(authenticator(ClusterKeys.of(KEY, List.of())).open(insecure, "server-1"))
                .isEqualTo(new Opened.Rejected(DropReason.AUTH_FAILED));
        assertThat(authenticator(ClusterKeys.insecure()).open(insecure, "server-1"))
                .isInstanceOf(Opened.Authentic.class);
    }

    @Property(tries = 200)
    void frameSentOutOfOrderOpenOnceEach(@ForAll @IntRange(min = 2, max = 50) int count, @ForAll long shuffleSeed) {
        FrameSealer sealer = new FrameSealer(new ClusterKeyring(ClusterKeys.of(KEY, List.of())), 3);
        List<byte[]> sealed = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            sealed.add(sealer.seal(new byte[] {(byte) i}, "agent-1", "server-1"));
        }
        java.util.Collections.shuffle(sealed, new java.util.Random(shuffleSeed));
        FrameAuthenticator receiver = authenticator(ClusterKeys.of(KEY, List.of()));
        for (byte[] datagram : sealed) {
            assertThat(receiver.open(datagram, "server-1")).isInstanceOf(Opened.Authentic.class);
        }
        for (byte[] datagram : sealed) {
            assertThat(receiver.open(datagram, "server-1")).isEqualTo(new Opened.Rejected(DropReason.REPLAYED));
        }
    }

    @Provide
    Arbitrary<String> senders() {
        return Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(80)
                .injectDuplicates(0.1);
    }

    private static FrameAuthenticator authenticator(ClusterKeys keys) {
        return new FrameAuthenticator(new ClusterKeyring(keys), 64);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
