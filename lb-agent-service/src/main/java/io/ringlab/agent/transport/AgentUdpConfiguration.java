package io.ringlab.agent.transport;

import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.agent.routing.Outgoing;
import io.ringlab.agent.routing.RequestRouter;
import io.ringlab.support.transport.DatagramChannelMessageProducer;
import io.ringlab.support.transport.DatagramChannelSendingHandler;
import io.ringlab.support.transport.DatagramHandler;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.Datagrams;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.UdpEventLoop;
import io.ringlab.support.transport.UdpSockets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

import java.net.DatagramSocket;

/**
 * Two sockets, two flows. Client requests arrive on the client socket and leave for a server from the
 * server socket; server replies arrive on the server socket and leave for the client from the client
 * socket, so that a client (or socat) sees the reply come from the port it sent to.
 */
@Configuration(proxyBeanMethods = false)
class AgentUdpConfiguration {

    @Bean
    DatagramSocket clientSocket(LbAgentProperties properties) {
        return UdpSockets.bind("ringlab.agent.client-port", properties.bindAddress(), properties.clientPort(), properties.udp());
    }

    @Bean
    DatagramSocket serverSocket(LbAgentProperties properties) {
        return UdpSockets.bind("ringlab.agent.server-port", properties.bindAddress(), properties.serverPort(), properties.udp());
    }

    @Bean
    DatagramChannelMessageProducer clientRequestsIn(@Qualifier("clientSocket") DatagramSocket clientSocket,
                                                    LbAgentProperties properties, DropCounter drops,
                                                    UdpEventLoop loop) {
        return new DatagramChannelMessageProducer(clientSocket.getChannel(), loop, properties.udp(), drops);
    }

    @Bean
    DatagramChannelMessageProducer serverRepliesIn(@Qualifier("serverSocket") DatagramSocket serverSocket,
                                                   LbAgentProperties properties, DropCounter drops,
                                                   UdpEventLoop loop) {
        return new DatagramChannelMessageProducer(serverSocket.getChannel(), loop, properties.udp(), drops);
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
    IntegrationFlow serverSideOutFlow(@Qualifier("serverSideOut") MessageChannel serverSideOut,
                                      @Qualifier("serverSocket") DatagramSocket serverSocket, DropCounter drops) {
        return IntegrationFlow.from(serverSideOut)
                .handle(new DatagramChannelSendingHandler(serverSocket.getChannel(), drops), e -> e.id("serverRequestsOut"))
                .get();
    }

    @Bean
    IntegrationFlow clientRequestFlow(@Qualifier("clientRequestsIn") DatagramChannelMessageProducer clientRequestsIn,
                                      @Qualifier("serverSideOut") MessageChannel serverSideOut, RequestRouter router) {
        return IntegrationFlow.from(clientRequestsIn)
                .handle(new DatagramHandler((datagram, client, now) -> toMessage(router.fromClient(datagram, client, now))),
                        e -> e.id("routeRequest"))
                .channel(serverSideOut)
                .get();
    }

    @Bean
    IntegrationFlow serverReplyFlow(@Qualifier("serverRepliesIn") DatagramChannelMessageProducer serverRepliesIn,
                                    @Qualifier("clientSocket") DatagramSocket clientSocket,
                                    RequestRouter router, DropCounter drops) {
        return IntegrationFlow.from(serverRepliesIn)
                .handle(new DatagramHandler((datagram, server, now) -> toMessage(router.fromServer(datagram, server, now))),
                        e -> e.id("routeReply"))
                .handle(new DatagramChannelSendingHandler(clientSocket.getChannel(), drops), e -> e.id("clientRepliesOut"))
                .get();
    }

    private static Message<byte[]> toMessage(Outgoing outgoing) {
        return outgoing == null ? null : Datagrams.to(outgoing.destination(), outgoing.datagram());
    }
}
