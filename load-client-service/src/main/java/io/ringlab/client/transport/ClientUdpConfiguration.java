package io.ringlab.client.transport;

import io.ringlab.client.config.LoadClientProperties;
import io.ringlab.client.load.ReplyReceiver;
import io.ringlab.client.load.RequestSender;
import io.ringlab.protocol.DropReason;
import io.ringlab.support.transport.DatagramChannelMessageProducer;
import io.ringlab.support.transport.DatagramChannelSendingHandler;
import io.ringlab.support.transport.DatagramHandler;
import io.ringlab.support.transport.Datagrams;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.UdpEventLoop;
import io.ringlab.support.transport.UdpSockets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;

import java.net.DatagramSocket;

/**
 * Requests go out to the agent from the reply socket, so the agent's replies come back to it; replies
 * from the agent are handed to the waiting workers, datagrams from anywhere else are dropped.
 */
@Configuration(proxyBeanMethods = false)
class ClientUdpConfiguration {

    @Bean
    DatagramSocket replySocket(LoadClientProperties properties) {
        return UdpSockets.bind(
                "ringlab.client.reply-port", properties.bindAddress(), properties.replyPort(), properties.udp());
    }

    @Bean
    MessageChannel requestsOut() {
        return new DirectChannel();
    }

    @Bean
    RequestSender requestSender(MessageChannel requestsOut, AgentAddress agent) {
        return datagram -> requestsOut.send(Datagrams.to(agent.get(), datagram));
    }

    @Bean
    IntegrationFlow requestFlow(MessageChannel requestsOut, DatagramSocket replySocket, DropCounter drops) {
        return IntegrationFlow.from(requestsOut)
                .handle(
                        new DatagramChannelSendingHandler(replySocket.getChannel(), drops),
                        e -> e.id("agentRequestsOut"))
                .get();
    }

    @Bean
    DatagramChannelMessageProducer repliesIn(
            DatagramSocket replySocket, LoadClientProperties properties, DropCounter drops, UdpEventLoop loop) {
        return new DatagramChannelMessageProducer(replySocket.getChannel(), loop, properties.udp(), drops);
    }

    @Bean
    IntegrationFlow replyFlow(
            DatagramChannelMessageProducer repliesIn, ReplyReceiver receiver, AgentAddress agent, DropCounter drops) {
        return IntegrationFlow.from(repliesIn)
                .handle(
                        new DatagramHandler((datagram, source, now) -> {
                            // only the agent answers this client: anything else on the reply port is somebody's forgery
                            if (source.equals(agent.get())) {
                                receiver.receive(datagram, now);
                            } else {
                                drops.drop(DropReason.WRONG_SOURCE);
                            }
                            return null;
                        }),
                        e -> e.id("deliverReply"))
                .get();
    }
}
