package io.ringlab.support.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.handler.AbstractMessageHandler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Netty serves the sockets, on epoll where Netty's native library loads and on Netty's NIO elsewhere, or on io_uring
 * when asked and the kernel allows it. On epoll a read takes up to {@value #READ_BATCH} datagrams with one
 * {@code recvmmsg} (as many as the last read loop brought: one, a plain {@code recvmsg}, while datagrams come one at
 * a time; see {@link AdaptiveDatagramReads}), and what the flows write while a read batch is handled leaves with one
 * {@code sendmmsg} per socket when the batch is done. On io_uring, reads of up to {@value #READ_BATCH} datagrams and the writes a batch
 * flushed are submissions, handed to the kernel together with one {@code io_uring_enter} per loop turn.
 * <p>
 * On epoll and io_uring there may be several event loop threads ({@code ringlab.transport.loops}): an endpoint bound with
 * {@link #bindPerLoop} has one socket per loop, each served by its loop only, so a datagram is handled from receive to
 * send on one thread; the clients' port is shared by the loops' sockets with {@code SO_REUSEPORT} (the kernel spreads
 * clients over them by address), and each loop has a server-facing socket of its own, so that a server's reply comes
 * back to the loop that sent the request. On Netty's NIO there is one loop.
 */
public final class NettyDatagramTransport implements DatagramTransport {

    private static final Log log = LogFactory.getLog(NettyDatagramTransport.class);
    /** The most datagrams one {@code recvmmsg} takes (epoll). */
    static final int READ_BATCH = 16;
    /** Datagrams read from one socket before the loop looks at the others again. */
    private static final int MAX_PER_READ = 64;
    /** Bytes written but not yet taken by the kernel above which datagrams are dropped instead of queued. */
    private static final WriteBufferWaterMark OUTBOUND_BOUND = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    /** Which of Netty's transports serves the sockets. */
    public enum Io {
        EPOLL,
        IO_URING,
        NIO;

        /** The best of those available, starting with {@code wanted}: io_uring, then epoll, then NIO. */
        public static Io available(Io wanted) {
            if (wanted == IO_URING && IoUring.isAvailable()) {
                return IO_URING;
            }
            return wanted != NIO && Epoll.isAvailable() ? EPOLL : NIO;
        }
    }

    private final Io io;
    private final boolean batching;
    private final EventLoopGroup group;
    /** The group's loops, in a fixed order: socket i of a per-loop endpoint is served by loop i. */
    private final List<EventLoop> loops = new java.util.ArrayList<>();

    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final List<NettyDatagramSendingHandler> senders = new CopyOnWriteArrayList<>();

    /** Epoll when it is available, with one loop. */
    public NettyDatagramTransport(String threadName) {
        this(threadName, Epoll.isAvailable(), 1);
    }

    /** Epoll when it is available, with {@code loops} loops; else Netty's NIO with one. */
    public NettyDatagramTransport(String threadName, int loops, boolean batching) {
        this(threadName, Epoll.isAvailable(), loops, batching);
    }

    /** @param epoll epoll (it must be available) or else Netty's NIO; one loop */
    public NettyDatagramTransport(String threadName, boolean epoll) {
        this(threadName, epoll, 1);
    }

    /**
     * @param epoll epoll (it must be available) or else Netty's NIO
     * @param loops event loop threads; on Netty's NIO one whatever is asked (see {@link #describe()})
     */
    public NettyDatagramTransport(String threadName, boolean epoll, int loops) {
        this(threadName, epoll, loops, true);
    }

    /**
     * @param batching on epoll, {@code recvmmsg} reads and one flush per read batch; {@code false} reads one datagram
     *                 per call and flushes every datagram at once (a reference, to measure what batching buys)
     */
    public NettyDatagramTransport(String threadName, boolean epoll, int loops, boolean batching) {
        this(threadName, epoll ? Io.EPOLL : Io.NIO, loops, batching);
    }

    /**
     * @param io       the transport; epoll and io_uring must be available (see {@link Io#available})
     * @param loops    event loop threads; on Netty's NIO one whatever is asked (see {@link #describe()})
     * @param batching on epoll and io_uring, reads of several datagrams and one flush per read batch; {@code false}
     *                 reads one datagram per call and flushes every datagram at once
     */
    public NettyDatagramTransport(String threadName, Io io, int loops, boolean batching) {
        IoHandlerFactory handlers = switch (io) {
            case EPOLL -> {
                Epoll.ensureAvailability();
                yield EpollIoHandler.newFactory();
            }
            case IO_URING -> {
                IoUring.ensureAvailability();
                yield IoUringIoHandler.newFactory();
            }
            case NIO -> NioIoHandler.newFactory();
        };
        this.io = io;
        this.batching = batching;
        this.group = new MultiThreadIoEventLoopGroup(
                io == Io.NIO ? 1 : loops, new DefaultThreadFactory(threadName, true), handlers);
        group.forEach(executor -> this.loops.add((EventLoop) executor));
    }

    private Class<? extends DatagramChannel> channelClass() {
        return switch (io) {
            case EPOLL -> EpollDatagramChannel.class;
            case IO_URING -> IoUringDatagramChannel.class;
            case NIO -> NioDatagramChannel.class;
        };
    }

    @Override
    public int loops() {
        return loops.size();
    }

    @Override
    public UdpEndpoint bind(String property, String bindAddress, int port, UdpSettings settings) {
        Channel channel = bindOne(property, bindAddress, port, settings, loops.get(0), false);
        channels.add(channel);
        return new Endpoint(List.of(channel));
    }

    /**
     * One socket per loop. With {@code samePort}, or when a fixed {@code port} is asked for, all on that port (the port
     * of the first when it is 0) with {@code SO_REUSEPORT}; else each on an ephemeral port of its own.
     */
    @Override
    public UdpEndpoint bindPerLoop(
            String property, String bindAddress, int port, UdpSettings settings, boolean samePort) {
        boolean shared = samePort || port != 0;
        List<Channel> bound = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < loops.size(); i++) {
                int portOfLoop = shared && i > 0 ? localPort(bound.get(0)) : port;
                bound.add(
                        bindOne(property, bindAddress, portOfLoop, settings, loops.get(i), shared && loops.size() > 1));
            }
        } catch (RuntimeException e) {
            bound.forEach(channel -> channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
            throw e;
        }
        channels.addAll(bound);
        return new Endpoint(List.copyOf(bound));
    }

    private Channel bindOne(
            String property, String bindAddress, int port, UdpSettings settings, EventLoop loop, boolean reusePort) {
        InetAddress address = UdpSockets.bindAddress(property, bindAddress);
        // one byte more than the maximum, so that an oversized datagram shows as such instead of truncated
        int slot = settings.maxDatagramSize() + 1;
        boolean batched = io != Io.NIO && batching;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelClass())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_REUSEADDR, false)
                .option(
                        ChannelOption.RCVBUF_ALLOCATOR,
                        batched
                                ? new AdaptiveDatagramReads(slot, READ_BATCH, MAX_PER_READ)
                                : new FixedRecvByteBufAllocator(slot).maxMessagesPerRead(MAX_PER_READ))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, OUTBOUND_BOUND)
                .handler(new ChannelInboundHandlerAdapter());
        if (batched) {
            // with a buffer of several slots, a read takes one datagram a slot (epoll: one recvmmsg)
            bootstrap.option(
                    io == Io.EPOLL
                            ? EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE
                            : IoUringChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE,
                    slot);
        }
        if (reusePort) {
            bootstrap.option(UnixChannelOption.SO_REUSEPORT, true);
        }
        if (settings.socketReceiveBuffer() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, settings.socketReceiveBuffer());
        }
        if (settings.socketSendBuffer() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, settings.socketSendBuffer());
        }
        ChannelFuture bound =
                bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new UdpSockets.UdpBindException(
                    property,
                    "cannot bind UDP port " + port + ": " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        Channel channel = bound.channel();
        log.info(("UDP %s: bound %s (%s); receive buffer %d bytes, send buffer %d bytes (asked %d and %d; the kernel "
                                + "caps them at net.core.rmem_max and wmem_max)")
                        .formatted(
                                property,
                                channel.localAddress(),
                                describe(),
                                channel.config().getOption(ChannelOption.SO_RCVBUF),
                                channel.config().getOption(ChannelOption.SO_SNDBUF),
                                settings.socketReceiveBuffer(),
                                settings.socketSendBuffer())
                + (reusePort ? "; SO_REUSEPORT" : ""));
        return channel;
    }

    private static int localPort(Channel channel) {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public MessageProducerSupport receiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops) {
        return new NettyDatagramMessageProducer(channels(endpoint), settings, drops, this::flushWritten);
    }

    @Override
    public MessageProducerSupport batchReceiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops) {
        return new NettyDatagramBatchProducer(channels(endpoint), settings, drops, this::flushWritten);
    }

    @Override
    public AbstractMessageHandler sender(UdpEndpoint endpoint, DropCounter drops) {
        NettyDatagramSendingHandler sender = new NettyDatagramSendingHandler(channels(endpoint), drops, batching);
        senders.add(sender);
        return sender;
    }

    /**
     * After a read batch, on its loop's thread: a request's server and a reply's client may be on either of the loop's
     * sockets; each sender flushes only the socket of the calling loop.
     */
    private void flushWritten() {
        for (NettyDatagramSendingHandler sender : senders) {
            sender.flushWritten();
        }
    }

    @Override
    public String describe() {
        return switch (io) {
            case EPOLL, IO_URING ->
                "netty " + (io == Io.EPOLL ? "epoll" : "io_uring") + ", " + loops.size()
                        + (loops.size() == 1 ? " loop" : " loops")
                        + (batching ? "" : ", batching off (a datagram per system call)");
            case NIO -> "netty nio, 1 loop (epoll unavailable: " + unavailability(Epoll.unavailabilityCause()) + ")";
        };
    }

    /** Why io_uring is not used, for the startup log; null when it is available. */
    public static String ioUringUnavailability() {
        return IoUring.isAvailable() ? null : unavailability(IoUring.unavailabilityCause());
    }

    private static String unavailability(Throwable cause) {
        return cause == null ? "not asked for" : cause.toString();
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static List<Channel> channels(UdpEndpoint endpoint) {
        return ((Endpoint) endpoint).channels();
    }

    /** Its sockets, socket i served by loop i; the first is the one {@link #localPort()} names. */
    private record Endpoint(List<Channel> channels) implements UdpEndpoint {

        @Override
        public int localPort() {
            return NettyDatagramTransport.localPort(channels.get(0));
        }

        @Override
        public List<Integer> localPorts() {
            return channels.stream()
                    .map(NettyDatagramTransport::localPort)
                    .distinct()
                    .toList();
        }

        @Override
        public void close() {
            channels.forEach(channel -> channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
        }
    }
}
