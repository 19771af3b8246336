package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.ringlab.protocol.DropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each transport behind the same Spring Integration endpoints, on real loopback sockets: an echo flow (the reply
 * leaves from the socket the request came to) answers over IPv4 and IPv6, answers a burst whole (what is written
 * during a read batch is flushed after it), and drops and counts what the agent's flows count.
 */
class DatagramTransportTest {

    enum Kind {
        NIO,
        NETTY_NIO,
        NETTY_EPOLL,
        NETTY_EPOLL_TWO_LOOPS,
        NETTY_EPOLL_UNBATCHED,
        NETTY_IO_URING,
        NETTY_IO_URING_TWO_LOOPS;

        DatagramTransport open(UdpEventLoop loop) {
            return switch (this) {
                case NIO -> new NioDatagramTransport(loop);
                case NETTY_NIO -> new NettyDatagramTransport("test-udp", false, 2); // Netty's NIO: one loop anyway
                case NETTY_EPOLL, NETTY_EPOLL_TWO_LOOPS, NETTY_EPOLL_UNBATCHED -> {
                    Assumptions.assumeTrue(
                            Epoll.isAvailable(), () -> "epoll unavailable: " + Epoll.unavailabilityCause());
                    yield new NettyDatagramTransport(
                            "test-udp", true, this == NETTY_EPOLL_TWO_LOOPS ? 2 : 1, this != NETTY_EPOLL_UNBATCHED);
                }
                case NETTY_IO_URING, NETTY_IO_URING_TWO_LOOPS -> {
                    Assumptions.assumeTrue(
                            IoUring.isAvailable(), () -> "io_uring unavailable: " + IoUring.unavailabilityCause());
                    yield new NettyDatagramTransport(
                            "test-udp",
                            NettyDatagramTransport.Io.IO_URING,
                            this == NETTY_IO_URING_TWO_LOOPS ? 2 : 1,
                            true);
                }
            };
        }
    }

    private static final UdpSettings SETTINGS = new UdpSettings(512, 1 << 20, 1 << 20);

    private final UdpEventLoop loop = new UdpEventLoop("test-udp-loop");
    private final DropCounter drops = new DropCounter();
    private DatagramTransport transport;
    private UdpEndpoint endpoint;
    private MessageProducerSupport receiver;
    private final Set<String> handlers = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() throws IOException {
        if (receiver != null) {
            receiver.stop();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (transport != null) {
            transport.close();
        }
        loop.close();
    }

    /**
     * Binds the wildcard, one socket per loop on one port, and answers every datagram with its bytes upper-cased;
     * "fail" makes the flow throw. Notes the threads that handled datagrams.
     */
    private void startEcho(Kind kind) {
        transport = kind.open(loop);
        endpoint = transport.bindPerLoop("test.port", null, 0, SETTINGS, true);
        AbstractMessageHandler sender = transport.sender(endpoint, drops);
        DirectChannel requests = new DirectChannel();
        requests.subscribe(message -> {
            handlers.add(Thread.currentThread().getName());
            String text = new String((byte[]) message.getPayload(), StandardCharsets.US_ASCII);
            if (text.equals("fail")) {
                throw new IllegalStateException("the flow fails on purpose");
            }
            Message<byte[]> reply = Datagrams.to(
                    Datagrams.sender(message.getHeaders()), text.toUpperCase().getBytes(StandardCharsets.US_ASCII));
            sender.handleMessage(reply);
        });
        receiver = transport.receiver(endpoint, SETTINGS, drops);
        receiver.setOutputChannel(requests);
        receiver.start();
    }

    /** Batch sizes the batch flow was handed, and the batches and buffers, kept to see that they are emptied. */
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    private final List<DatagramBatch> seenBatches = new CopyOnWriteArrayList<>();
    private final List<ByteBuf> seenBuffers = new CopyOnWriteArrayList<>();

    /** As {@link #startEcho}, with one message per read batch: each datagram upper-cased into a buffer of its own. */
    private void startBatchEcho(Kind kind) {
        transport = kind.open(loop);
        endpoint = transport.bindPerLoop("test.port", null, 0, SETTINGS, true);
        AbstractMessageHandler sender = transport.sender(endpoint, drops);
        DirectChannel out = new DirectChannel();
        out.subscribe(sender);
        DatagramBatchHandler echo = new DatagramBatchHandler(
                (datagram, from, nowNanos, batch) -> {
                    seenBuffers.add(datagram);
                    String text = datagram.toString(StandardCharsets.US_ASCII);
                    if (text.equals("fail")) {
                        throw new IllegalStateException("the flow fails on purpose");
                    }
                    batch.add(Unpooled.copiedBuffer(text.toUpperCase(), StandardCharsets.US_ASCII), from);
                },
                out,
                drops);
        DirectChannel requests = new DirectChannel();
        requests.subscribe(message -> {
            DatagramBatch batch = (DatagramBatch) message.getPayload();
            handlers.add(Thread.currentThread().getName());
            batchSizes.add(batch.size());
            seenBatches.add(batch);
            echo.handleMessage(message);
        });
        receiver = transport.batchReceiver(endpoint, SETTINGS, drops);
        receiver.setOutputChannel(requests);
        receiver.start();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void passesEachReadOnAsOneMessageOfItsDatagramsAndKeepsNone(Kind kind) throws IOException {
        startBatchEcho(kind);
        int burst = 300;
        try (DatagramSocket client = client()) {
            InetSocketAddress agent = new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.localPort());
            for (int i = 0; i < burst; i++) {
                send(client, agent, "r" + i);
            }
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < burst; i++) {
                DatagramPacket reply = receive(client);
                answers.add(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII));
            }
            assertThat(answers).hasSize(burst).contains("R0", "R" + (burst - 1));
        }
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(burst);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, DatagramBatch.CAPACITY));
        // io_uring keeps the receive buffer of the read it has posted: a chunk our datagrams may be slices of
        int heldByTheTransport = kind.name().contains("IO_URING") ? transport.loops() : 0;
        awaitTrue(
                () -> seenBatches.stream().allMatch(DatagramBatch::isEmpty)
                        && referencedChunks(seenBuffers) <= heldByTheTransport,
                "every batch emptied and every received buffer released after its flow");
        assertThat(drops.snapshot()).isEmpty();
    }

    /** The distinct buffers under these (a slice's is its parent's) still referenced by someone. */
    private static long referencedChunks(List<ByteBuf> buffers) {
        Set<ByteBuf> chunks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ByteBuf buffer : buffers) {
            ByteBuf chunk = buffer;
            while (chunk.unwrap() != null) {
                chunk = chunk.unwrap();
            }
            chunks.add(chunk);
        }
        return chunks.stream().filter(chunk -> chunk.refCnt() > 0).count();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dropsAndCountsEmptyOversizedAndFailedDatagramsOfABatch(Kind kind) throws IOException {
        startBatchEcho(kind);
        try (DatagramSocket client = client()) {
            InetSocketAddress agent = new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.localPort());
            send(client, agent, "first");
            client.send(new DatagramPacket(new byte[0], 0, agent));
            client.send(new DatagramPacket(
                    new byte[SETTINGS.maxDatagramSize() + 1], SETTINGS.maxDatagramSize() + 1, agent));
            send(client, agent, "fail");
            client.send(new DatagramPacket(new byte[4000], 4000, agent));
            byte[] largest = "a".repeat(SETTINGS.maxDatagramSize()).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(largest, largest.length, agent));
            send(client, agent, "last");
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                DatagramPacket reply = receive(client);
                answers.add(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII));
            }
            assertThat(answers)
                    .as("the datagrams around a failed one are answered, the largest allowed whole")
                    .containsExactlyInAnyOrder("FIRST", "LAST", "A".repeat(SETTINGS.maxDatagramSize()));
        }
        awaitTrue(
                () -> drops.snapshot().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        == 4,
                "four drops counted: " + drops.snapshot());
        assertThat(drops.count(DropReason.EMPTY)).isEqualTo(1);
        assertThat(drops.count(DropReason.OVERSIZED)).isEqualTo(2);
        assertThat(drops.count(DropReason.HANDLER_FAILED)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void countsWhatOfABatchCannotBeSent(Kind kind) {
        startEcho(kind);
        AbstractMessageHandler sender = transport.sender(endpoint, drops);
        DatagramBatch batch = new DatagramBatch();
        ByteBuf unsendable = Unpooled.wrappedBuffer(new byte[] {1});
        batch.add(unsendable, InetSocketAddress.createUnresolved("no-such-host.invalid", 9));
        try {
            sender.handleMessage(MessageBuilder.withPayload(batch).build());
        } finally {
            batch.clear();
        }
        awaitTrue(() -> drops.count(DropReason.SEND_FAILED) == 1, "send-failed counted: " + drops.snapshot());
        assertThat(unsendable.refCnt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void answersOverIpv4AndIpv6FromThePortAsked(Kind kind) throws IOException {
        startEcho(kind);
        for (InetAddress loopback :
                new InetAddress[] {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")}) {
            try (DatagramSocket client = client()) {
                InetSocketAddress agent = new InetSocketAddress(loopback, endpoint.localPort());
                send(client, agent, "hello");
                DatagramPacket reply = receive(client);
                assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII))
                        .isEqualTo("HELLO");
                assertThat(reply.getPort()).as("reply from the port asked").isEqualTo(endpoint.localPort());
            }
        }
        assertThat(drops.snapshot()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void answersABurstWhole(Kind kind) throws IOException {
        startEcho(kind);
        int burst = 300;
        try (DatagramSocket client = client()) {
            InetSocketAddress agent = new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.localPort());
            for (int i = 0; i < burst; i++) {
                send(client, agent, "r" + i);
            }
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < burst; i++) {
                DatagramPacket reply = receive(client);
                answers.add(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII));
            }
            assertThat(answers).hasSize(burst).contains("R0", "R" + (burst - 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void servesOnePortFromEveryLoop(Kind kind) throws IOException {
        startEcho(kind);
        int expectedLoops = kind == Kind.NETTY_EPOLL_TWO_LOOPS || kind == Kind.NETTY_IO_URING_TWO_LOOPS ? 2 : 1;
        assertThat(transport.loops()).isEqualTo(expectedLoops);
        assertThat(endpoint.localPorts()).containsExactly(endpoint.localPort());
        // the kernel spreads sources over the sockets by address: 64 clients reach both loops but by a 2^-63 chance
        for (int i = 0; i < 64; i++) {
            try (DatagramSocket client = client()) {
                send(client, new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.localPort()), "c" + i);
                DatagramPacket reply = receive(client);
                assertThat(reply.getPort()).as("reply from the port asked").isEqualTo(endpoint.localPort());
                assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII))
                        .isEqualTo("C" + i);
            }
        }
        assertThat(handlers).as("threads that handled datagrams").hasSize(expectedLoops);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givesEveryLoopAPortOfItsOwnWhenAsked(Kind kind) {
        transport = kind.open(loop);
        UdpEndpoint perLoop = transport.bindPerLoop("test.port", "127.0.0.1", 0, SETTINGS, false);
        try {
            assertThat(perLoop.localPorts()).hasSize(transport.loops()).contains(perLoop.localPort());
        } finally {
            perLoop.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dropsAndCountsEmptyOversizedAndFailedDatagrams(Kind kind) throws IOException {
        startEcho(kind);
        try (DatagramSocket client = client()) {
            InetSocketAddress agent = new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.localPort());
            client.send(new DatagramPacket(new byte[0], 0, agent));
            client.send(new DatagramPacket(
                    new byte[SETTINGS.maxDatagramSize() + 1], SETTINGS.maxDatagramSize() + 1, agent));
            client.send(new DatagramPacket(new byte[4000], 4000, agent));
            send(client, agent, "fail");
            byte[] largest = "a".repeat(SETTINGS.maxDatagramSize()).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(largest, largest.length, agent));
            assertThat(receive(client).getLength())
                    .as("the largest datagram allowed is answered whole")
                    .isEqualTo(SETTINGS.maxDatagramSize());
        }
        awaitTrue(
                () -> drops.snapshot().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        == 4,
                "four drops counted: " + drops.snapshot());
        assertThat(drops.count(DropReason.EMPTY)).isEqualTo(1);
        assertThat(drops.count(DropReason.OVERSIZED)).isEqualTo(2);
        assertThat(drops.count(DropReason.HANDLER_FAILED)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void countsWhatCannotBeSent(Kind kind) {
        startEcho(kind);
        AbstractMessageHandler sender = transport.sender(endpoint, drops);
        sender.handleMessage(
                Datagrams.to(InetSocketAddress.createUnresolved("no-such-host.invalid", 9), new byte[] {1}));
        awaitTrue(() -> drops.count(DropReason.SEND_FAILED) == 1, "send-failed counted: " + drops.snapshot());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPortInUseNamesTheProperty(Kind kind) throws IOException {
        transport = kind.open(loop);
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThatThrownBy(() -> transport.bind("ringlab.test.port", "127.0.0.1", taken.getLocalPort(), SETTINGS))
                    .isInstanceOf(UdpSockets.UdpBindException.class)
                    .hasMessageStartingWith("ringlab.test.port: cannot bind UDP port " + taken.getLocalPort());
            assertThatThrownBy(() -> transport.bindPerLoop(
                            "ringlab.test.port", "127.0.0.1", taken.getLocalPort(), SETTINGS, true))
                    .as("SO_REUSEPORT shares a port among the loops' sockets, not with a socket that did not ask")
                    .isInstanceOf(UdpSockets.UdpBindException.class)
                    .hasMessageStartingWith("ringlab.test.port: cannot bind UDP port " + taken.getLocalPort());
        }
    }

    private static DatagramSocket client() throws IOException {
        DatagramSocket client = new DatagramSocket(0);
        client.setSoTimeout(5_000);
        client.setReceiveBufferSize(1 << 20);
        return client;
    }

    private static void send(DatagramSocket client, InetSocketAddress to, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        client.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static DatagramPacket receive(DatagramSocket client) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            client.receive(packet);
        } catch (SocketTimeoutException e) {
            fail("no answer within 5 s");
        }
        return packet;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within 5 s: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
