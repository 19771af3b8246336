package io.ringlab.client.transport;

import io.ringlab.client.config.LoadClientProperties;
import io.ringlab.client.load.ReplyReceiver;
import io.ringlab.client.load.RequestSender;
import io.ringlab.support.transport.CountingUdpInboundAdapter;
import io.ringlab.support.transport.Datagrams;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SendFailureAdvice;
import io.ringlab.support.transport.UdpSockets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.dsl.Udp;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

import java.net.DatagramSocket;

/**
 * Requests go out to the agent from the reply socket, so the agent's replies come back to it; replies
 * are handed to the waiting workers.
 */
@Configuration(proxyBeanMethods = false)
class ClientUdpConfiguration {

    @Bean
    DatagramSocket replySocket(LoadClientProperties properties) {
        return UdpSockets.bind("ringlab.client.reply-port", properties.bindAddress(), properties.replyPort(), properties.udp());
    }

    @Bean
    MessageChannel requestsOut() {
        return new DirectChannel();
    }

    @Bean
    RequestSender requestSender(MessageChannel requestsOut) {
        return datagram -> requestsOut.send(MessageBuilder.withPayload(datagram).build());
    }

    @Bean
    IntegrationFlow requestFlow(MessageChannel requestsOut, DatagramSocket replySocket, AgentAddress agent,
                                DropCounter drops) {
        return IntegrationFlow.from(requestsOut)
                .handle(Udp.outboundAdapter(message -> agent.get()).socketFunction(message -> replySocket),
                        e -> e.id("agentRequestsOut").advice(new SendFailureAdvice(drops)))
                .get();
    }

    @Bean
    CountingUdpInboundAdapter repliesIn(DatagramSocket replySocket, LoadClientProperties properties, DropCounter drops) {
        return new CountingUdpInboundAdapter("replies-in", replySocket, properties.udp(), drops);
    }

    @Bean
    IntegrationFlow replyFlow(CountingUdpInboundAdapter repliesIn, ReplyReceiver receiver) {
        return IntegrationFlow.from(repliesIn)
                .handle(byte[].class, (datagram, headers) -> {
                    receiver.receive(datagram, System.nanoTime());
                    return null;
                }, e -> e.id("deliverReply"))
                .get();
    }
}
