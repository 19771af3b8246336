package io.ringlab.agent.transport;

import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.agent.routing.RequestRouter;
import io.ringlab.support.transport.DatagramBatchHandler;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DatagramTransport;
import io.ringlab.support.transport.Datagrams;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.NettyDatagramTransport;
import io.ringlab.support.transport.NioDatagramTransport;
import io.ringlab.support.transport.TransportKind;
import io.ringlab.support.transport.TransportProperties;
import io.ringlab.support.transport.UdpEndpoint;
import io.ringlab.support.transport.UdpEventLoop;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.MessageChannel;

/**
 * Two sockets, two flows. Client requests arrive on the client socket and leave for a server from the
 * server socket; server replies arrive on the server socket and leave for the client from the client
 * socket, so that a client (or socat) sees the reply come from the port it sent to. Both sockets are served by
 * the transport {@code ringlab.transport.kind} names (Netty or NIO).
 * <p>
 * Each flow takes one message per read batch ({@link io.ringlab.support.transport.DatagramBatch}), routes its
 * datagrams one at a time and sends what it routed as one message, written and flushed once. Retries and health
 * pings leave through {@link DatagramSender}, one datagram a message, from other threads.
 * <p>
 * With Netty on epoll, each of the {@code ringlab.transport.loops} event loops has a client socket of its own (all on
 * the client port, {@code SO_REUSEPORT}) and a server socket of its own: a request is passed on from the server socket
 * of the loop that received it and, with {@code ringlab.agent.server-port=0} (the default: each loop's on an ephemeral
 * port), its reply comes back to that loop, which sends it from its client socket. A fixed server port is shared by
 * the loops ({@code SO_REUSEPORT}), so the firewall rules that name it still see every request; the kernel then
 * hands a server's replies to one loop by the server's address, whichever loop sent the request. The pending requests
 * are one table for all loops, so a reply is matched on any loop; retries and health pings leave from the first
 * loop's server socket.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransportProperties.class)
class AgentUdpConfiguration {

    private static final Log log = LogFactory.getLog(AgentUdpConfiguration.class);

    @Bean(destroyMethod = "close")
    DatagramTransport datagramTransport(TransportProperties transport, UdpEventLoop loop) {
        int loops = transport.loopsWanted();
        DatagramTransport chosen = switch (transport.kind()) {
            case NETTY -> new NettyDatagramTransport("udp-loop", loops, transport.batching());
            case IO_URING ->
                new NettyDatagramTransport(
                        "udp-loop",
                        NettyDatagramTransport.Io.available(NettyDatagramTransport.Io.IO_URING),
                        loops,
                        transport.batching());
            case NIO -> new NioDatagramTransport(loop);
        };
        log.info("UDP transport (ringlab.transport.kind="
                + transport.kind().name().toLowerCase().replace('_', '-') + "): " + chosen.describe());
        if (transport.kind() == TransportKind.IO_URING && NettyDatagramTransport.ioUringUnavailability() != null) {
            log.info("ringlab.transport.kind: io_uring unavailable (" + NettyDatagramTransport.ioUringUnavailability()
                    + "), " + chosen.describe() + " used instead");
        }
        if (chosen.loops() < loops) {
            log.info("ringlab.transport.loops: " + loops + " asked, " + chosen.loops()
                    + " used: several loops need Netty on epoll or io_uring (SO_REUSEPORT)");
        }
        return chosen;
    }

    /** One per loop, all on the client port. */
    @Bean
    UdpEndpoint clientSocket(DatagramTransport transport, LbAgentProperties properties) {
        return transport.bindPerLoop(
                "ringlab.agent.client-port", properties.bindAddress(), properties.clientPort(), properties.udp(), true);
    }

    /** One per loop: each on an ephemeral port of its own, so replies find their loop; or all on a fixed port. */
    @Bean
    UdpEndpoint serverSocket(DatagramTransport transport, LbAgentProperties properties) {
        return transport.bindPerLoop(
                "ringlab.agent.server-port",
                properties.bindAddress(),
                properties.serverPort(),
                properties.udp(),
                false);
    }

    @Bean
    MessageProducerSupport clientRequestsIn(
            DatagramTransport transport,
            @Qualifier("clientSocket") UdpEndpoint clientSocket,
            LbAgentProperties properties,
            DropCounter drops) {
        return transport.batchReceiver(clientSocket, properties.udp(), drops);
    }

    @Bean
    MessageProducerSupport serverRepliesIn(
            DatagramTransport transport,
            @Qualifier("serverSocket") UdpEndpoint serverSocket,
            LbAgentProperties properties,
            DropCounter drops) {
        return transport.batchReceiver(serverSocket, properties.udp(), drops);
    }

    @Bean
    MessageChannel serverSideOut() {
        return new DirectChannel();
    }

    /** Sends from the server-facing socket: requests, retries and health pings. */
    @Bean
    DatagramSender serverSideSender(@Qualifier("serverSideOut") MessageChannel serverSideOut) {
        return (destination, datagram) -> serverSideOut.send(Datagrams.to(destination, datagram));
    }

    @Bean
    IntegrationFlow serverSideOutFlow(
            @Qualifier("serverSideOut") MessageChannel serverSideOut,
            DatagramTransport transport,
            @Qualifier("serverSocket") UdpEndpoint serverSocket,
            DropCounter drops) {
        return IntegrationFlow.from(serverSideOut)
                .handle(transport.sender(serverSocket, drops), e -> e.id("serverRequestsOut"))
                .get();
    }

    @Bean
    MessageChannel clientSideOut() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow clientSideOutFlow(
            @Qualifier("clientSideOut") MessageChannel clientSideOut,
            DatagramTransport transport,
            @Qualifier("clientSocket") UdpEndpoint clientSocket,
            DropCounter drops) {
        return IntegrationFlow.from(clientSideOut)
                .handle(transport.sender(clientSocket, drops), e -> e.id("clientRepliesOut"))
                .get();
    }

    /** Each read batch of client requests: routed, one datagram at a time, and sent on as one batch. */
    @Bean
    IntegrationFlow clientRequestFlow(
            @Qualifier("clientRequestsIn") MessageProducerSupport clientRequestsIn,
            @Qualifier("serverSideOut") MessageChannel serverSideOut,
            RequestRouter router,
            DropCounter drops) {
        RoutingSteps steps = new RoutingSteps(router);
        return IntegrationFlow.from(clientRequestsIn)
                .handle(new DatagramBatchHandler(steps::request, serverSideOut, drops), e -> e.id("routeRequests"))
                .get();
    }

    /** Each read batch of server replies (and states): routed, one datagram at a time, the replies sent as one. */
    @Bean
    IntegrationFlow serverReplyFlow(
            @Qualifier("serverRepliesIn") MessageProducerSupport serverRepliesIn,
            @Qualifier("clientSideOut") MessageChannel clientSideOut,
            RequestRouter router,
            DropCounter drops) {
        RoutingSteps steps = new RoutingSteps(router);
        return IntegrationFlow.from(serverRepliesIn)
                .handle(new DatagramBatchHandler(steps::reply, clientSideOut, drops), e -> e.id("routeReplies"))
                .get();
    }
}
