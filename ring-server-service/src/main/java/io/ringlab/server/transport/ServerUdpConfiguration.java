package io.ringlab.server.transport;

import io.ringlab.server.config.RingServerProperties;
import io.ringlab.server.serving.RequestAnswerer;
import io.ringlab.support.transport.DatagramChannelMessageProducer;
import io.ringlab.support.transport.DatagramChannelSendingHandler;
import io.ringlab.support.transport.DatagramHandler;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.Datagrams;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.UdpEventLoop;
import io.ringlab.support.transport.UdpSockets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.annotation.Scheduled;

import java.net.DatagramSocket;

/**
 * One socket for everything: requests in and replies out, ring messages in and out, state announcements
 * to agents out. Incoming datagrams are routed by type: ring messages to the election, the rest to the
 * request path.
 */
@Configuration(proxyBeanMethods = false)
class ServerUdpConfiguration {

    /** Answers held back by the fault {@code ringlab.server.faults.delay}, at most this many at a time. */
    private static final int MAX_DELAYED_ANSWERS = 65_536;

    @Bean
    DatagramSocket requestSocket(RingServerProperties properties) {
        return UdpSockets.bind("ringlab.server.port", properties.bindAddress(), properties.port(), properties.udp());
    }

    @Bean
    PeerAddresses peerAddresses(RingServerProperties properties) {
        return new PeerAddresses(properties.ring().peers());
    }

    @Bean
    PeerRefresher peerRefresher(PeerAddresses peers) {
        return new PeerRefresher(peers);
    }

    @Bean
    DatagramChannelMessageProducer requestsIn(
            DatagramSocket requestSocket, RingServerProperties properties, DropCounter drops, UdpEventLoop loop) {
        return new DatagramChannelMessageProducer(requestSocket.getChannel(), loop, properties.udp(), drops);
    }

    @Bean
    MessageChannel serverOut() {
        return new DirectChannel();
    }

    /** Sends from the server's socket: replies, ring messages and announcements. */
    @Bean
    DatagramSender serverSender(MessageChannel serverOut) {
        return (destination, datagram) -> serverOut.send(Datagrams.to(destination, datagram));
    }

    @Bean
    IntegrationFlow serverOutFlow(MessageChannel serverOut, DatagramSocket requestSocket, DropCounter drops) {
        return IntegrationFlow.from(serverOut)
                .handle(
                        new DatagramChannelSendingHandler(requestSocket.getChannel(), drops),
                        e -> e.id("serverDatagramsOut"))
                .get();
    }

    @Bean
    DelayedAnswers delayedAnswers(MessageChannel serverOut, RingServerProperties properties, DropCounter drops) {
        return new DelayedAnswers(serverOut, properties.faults().delay().toNanos(), MAX_DELAYED_ANSWERS, drops);
    }

    @Bean
    IntegrationFlow inboundFlow(
            DatagramChannelMessageProducer requestsIn,
            RequestAnswerer answerer,
            RingMessageReceiver ring,
            MessageChannel serverOut,
            RingServerProperties properties,
            DelayedAnswers delayedAnswers) {
        long delayNanos = properties.faults().delay().toNanos();
        return IntegrationFlow.from(requestsIn)
                .<byte[], Boolean>route(
                        RingDatagrams::isRingMessage,
                        route -> route.subFlowMapping(
                                        true,
                                        ringMessages -> ringMessages.handle(
                                                byte[].class,
                                                (datagram, headers) -> {
                                                    ring.receive(datagram);
                                                    return null;
                                                },
                                                e -> e.id("ringIn")))
                                .subFlowMapping(
                                        false,
                                        requests -> requests.handle(
                                                        new DatagramHandler((datagram, sender, now) -> {
                                                            byte[] reply = answerer.answer(datagram, sender, now);
                                                            if (reply == null) {
                                                                return null;
                                                            }
                                                            if (delayNanos > 0) {
                                                                delayedAnswers.send(Datagrams.to(sender, reply));
                                                                return null;
                                                            }
                                                            return Datagrams.to(sender, reply);
                                                        }),
                                                        e -> e.id("answerRequest"))
                                                .channel(serverOut)))
                .get();
    }

    static class PeerRefresher {

        private final PeerAddresses peers;

        PeerRefresher(PeerAddresses peers) {
            this.peers = peers;
        }

        @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
        void resolveAgain() {
            peers.resolveAgain();
        }
    }
}
