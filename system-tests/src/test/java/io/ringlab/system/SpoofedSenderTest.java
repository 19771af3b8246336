package io.ringlab.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacker's tools work: a datagram sent with a spoofed source address and port arrives at a plain bound
 * socket as if that address had sent it, whatever its length (so both checksums are right: the kernel drops a
 * datagram with a wrong UDP checksum, as the last test shows); and a capture sees a datagram sent between two
 * sockets. Skipped, with the reason, without python3 or a raw socket (not root; see {@link SpoofedSender#assumeAvailable}).
 */
class SpoofedSenderTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());

    private static SpoofedSender spoofer;

    @BeforeAll
    static void open() {
        spoofer = SpoofedSender.openOrNull();
    }

    @AfterAll
    static void close() {
        if (spoofer != null) {
            spoofer.close();
        }
    }

    private static SpoofedSender spoofer() {
        SpoofedSender.assumeAvailable(spoofer);
        return spoofer;
    }

    @Test
    void aSpoofedDatagramArrivesFromTheSpoofedAddressAndPortWithItsPayloadIntact() {
        SpoofedSender attacker = spoofer();
        Random random = new Random(SEED);
        try (TestSocket victim = new TestSocket()) {
            // every length from empty to a full Ethernet frame's worth, odd and even (the checksum pads odd ones)
            for (int length : new int[] {0, 1, 2, 3, 12, 17, 255, 1001, 1472}) {
                byte[] payload = new byte[length];
                random.nextBytes(payload);
                InetSocketAddress from = new InetSocketAddress("127.0.0.1", 1024 + random.nextInt(60_000));
                attacker.send(from, victim.address(), payload);
                assertThat(victim.receive())
                        .as("payload of %d bytes (seed %d)", length, SEED)
                        .containsExactly(payload);
                assertThat(victim.lastSender())
                        .as("source of the datagram of %d bytes", length)
                        .isEqualTo(from);
            }
            // another loopback address: the source need not be one of this host's sockets
            InetSocketAddress elsewhere = new InetSocketAddress("127.9.8.7", 4242);
            attacker.send(elsewhere, victim.address(), new byte[] {1, 2, 3});
            assertThat(victim.receive()).containsExactly(1, 2, 3);
            assertThat(victim.lastSender()).isEqualTo(elsewhere);
        }
    }

    @Test
    void manyDatagramsFromManySourcePortsAllArrive() {
        SpoofedSender attacker = spoofer();
        try (TestSocket victim = new TestSocket()) {
            // no more than the socket's default receive buffer holds before the test reads it
            List<SpoofedSender.Datagram> flood = java.util.stream.IntStream.range(0, 200)
                    .mapToObj(i -> new SpoofedSender.Datagram(
                            new InetSocketAddress("127.0.0.1", 20_000 + i),
                            victim.address(),
                            new byte[] {(byte) i, (byte) (i >> 8)}))
                    .toList();
            attacker.sendAll(flood);
            for (int i = 0; i < flood.size(); i++) {
                assertThat(victim.receive()).containsExactly((byte) i, (byte) (i >> 8));
                assertThat(victim.lastSender()).isEqualTo(flood.get(i).from());
            }
        }
    }

    @Test
    void aCaptureSeesADatagramBetweenTwoSockets() throws Exception {
        SpoofedSender attacker = spoofer();
        try (TestSocket a = new TestSocket();
                TestSocket b = new TestSocket()) {
            CompletableFuture<List<SpoofedSender.Captured>> capture =
                    CompletableFuture.supplyAsync(() -> attacker.capture(
                            List.of(a.address().getPort()),
                            List.of(b.address().getPort()),
                            new byte[] {'R', 'L'},
                            1,
                            Duration.ofSeconds(20)));
            // the capture starts when the script reads the command: send until it has seen one
            while (!capture.isDone()) {
                a.send(b.address(), new byte[] {'x'});
                a.send(b.address(), new byte[] {'R', 'L', 1, 'q', 7});
                Thread.sleep(20);
            }
            List<SpoofedSender.Captured> seen = capture.get();
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).from()).isEqualTo(a.address());
            assertThat(seen.get(0).to()).isEqualTo(b.address());
            assertThat(seen.get(0).payload()).containsExactly('R', 'L', 1, 'q', 7);
        }
    }

    @Test
    void aDatagramWithAWrongUdpChecksumIsDroppedByTheKernel() {
        SpoofedSender attacker = spoofer();
        try (TestSocket victim = new TestSocket()) {
            InetSocketAddress from = new InetSocketAddress("127.0.0.1", 4321);
            attacker.sendWithWrongChecksum(from, victim.address(), new byte[] {6, 6, 6});
            attacker.send(from, victim.address(), new byte[] {1, 2, 3});
            // loopback keeps the order: had the first arrived, it would come first
            assertThat(victim.receive()).containsExactly(1, 2, 3);
        }
    }
}
