package io.ringlab.support.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
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
 * Netty serves the sockets: one event loop thread for all of them (as {@link UdpEventLoop} does), on epoll where
 * Netty's native library loads and on Netty's NIO elsewhere. On epoll a read takes up to {@value #READ_BATCH}
 * datagrams with one {@code recvmmsg}, and what the flows write while a read batch is handled leaves with one
 * {@code sendmmsg} per socket when the batch is done.
 */
public final class NettyDatagramTransport implements DatagramTransport {

    private static final Log log = LogFactory.getLog(NettyDatagramTransport.class);
    /** Datagrams one {@code recvmmsg} takes (epoll). */
    static final int READ_BATCH = 16;
    /** Datagrams read from one socket before the loop looks at the others again. */
    private static final int MAX_PER_READ = 64;
    /** Bytes written but not yet taken by the kernel above which datagrams are dropped instead of queued. */
    private static final WriteBufferWaterMark OUTBOUND_BOUND = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    private final boolean epoll;
    private final EventLoopGroup group;
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final List<NettyDatagramSendingHandler> senders = new CopyOnWriteArrayList<>();

    /** Epoll when it is available. */
    public NettyDatagramTransport(String threadName) {
        this(threadName, Epoll.isAvailable());
    }

    /** @param epoll epoll (it must be available) or else Netty's NIO */
    public NettyDatagramTransport(String threadName, boolean epoll) {
        if (epoll) {
            Epoll.ensureAvailability();
        }
        this.epoll = epoll;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    @Override
    public UdpEndpoint bind(String property, String bindAddress, int port, UdpSettings settings) {
        InetAddress address = UdpSockets.bindAddress(property, bindAddress);
        // one byte more than the maximum, so that an oversized datagram shows as such instead of truncated
        int slot = settings.maxDatagramSize() + 1;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_REUSEADDR, false)
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(epoll ? slot * READ_BATCH : slot).maxMessagesPerRead(MAX_PER_READ))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, OUTBOUND_BOUND)
                .handler(new ChannelInboundHandlerAdapter());
        if (epoll) {
            // with a buffer of several slots, a read is one recvmmsg of one datagram a slot
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, slot);
        }
        if (settings.socketReceiveBuffer() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, settings.socketReceiveBuffer());
        }
        if (settings.socketSendBuffer() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, settings.socketSendBuffer());
        }
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new UdpSockets.UdpBindException(property, "cannot bind UDP port " + port + ": " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        Channel channel = bound.channel();
        channels.add(channel);
        log.info(("UDP %s: bound %s (%s); receive buffer %d bytes, send buffer %d bytes (asked %d and %d; the kernel "
                + "caps them at net.core.rmem_max and wmem_max)").formatted(property, channel.localAddress(),
                describe(), channel.config().getOption(ChannelOption.SO_RCVBUF),
                channel.config().getOption(ChannelOption.SO_SNDBUF), settings.socketReceiveBuffer(),
                settings.socketSendBuffer()));
        return new Endpoint(channel);
    }

    @Override
    public MessageProducerSupport receiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops) {
        return new NettyDatagramMessageProducer(channel(endpoint), settings, drops, this::flushWritten);
    }

    @Override
    public AbstractMessageHandler sender(UdpEndpoint endpoint, DropCounter drops) {
        NettyDatagramSendingHandler sender = new NettyDatagramSendingHandler(channel(endpoint), drops);
        senders.add(sender);
        return sender;
    }

    /** After a read batch, on the loop's thread: a request's server and a reply's client may be on either socket. */
    private void flushWritten() {
        for (NettyDatagramSendingHandler sender : senders) {
            sender.flushWritten();
        }
    }

    @Override
    public String describe() {
        return epoll ? "netty epoll" : "netty nio (epoll unavailable: " + unavailability() + ")";
    }

    private static String unavailability() {
        Throwable cause = Epoll.unavailabilityCause();
        return cause == null ? "not asked for" : cause.toString();
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static Channel channel(UdpEndpoint endpoint) {
        return ((Endpoint) endpoint).channel();
    }

    private record Endpoint(Channel channel) implements UdpEndpoint {

        @Override
        public int localPort() {
            return ((InetSocketAddress) channel.localAddress()).getPort();
        }

        @Override
        public void close() {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}
