package io.ringlab.server.transport;

import io.ringlab.server.config.RingServerProperties;
import io.ringlab.server.serving.RequestAnswerer;
import io.ringlab.support.transport.CountingUdpInboundAdapter;
import io.ringlab.support.transport.Datagrams;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SendFailureAdvice;
import io.ringlab.support.transport.UdpSockets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.dsl.Udp;

import java.net.DatagramSocket;

/** The request path: datagrams in on the server's port, replies out from the same socket to the sender. */
@Configuration(proxyBeanMethods = false)
class ServerUdpConfiguration {

    @Bean
    DatagramSocket requestSocket(RingServerProperties properties) {
        return UdpSockets.bind("ringlab.server.port", properties.bindAddress(), properties.port(), properties.udp());
    }

    @Bean
    CountingUdpInboundAdapter requestsIn(DatagramSocket requestSocket, RingServerProperties properties, DropCounter drops) {
        return new CountingUdpInboundAdapter("requests-in", requestSocket, properties.udp(), drops);
    }

    @Bean
    IntegrationFlow requestFlow(CountingUdpInboundAdapter requestsIn, DatagramSocket requestSocket,
                                RequestAnswerer answerer, DropCounter drops) {
        return IntegrationFlow.from(requestsIn)
                .handle(byte[].class, (datagram, headers) -> {
                    var sender = Datagrams.sender(headers);
                    byte[] reply = answerer.answer(datagram, sender, System.nanoTime());
                    return reply == null ? null : Datagrams.to(sender, reply);
                }, e -> e.id("answerRequest"))
                .handle(Udp.outboundAdapter(Datagrams::destination).socketFunction(message -> requestSocket),
                        e -> e.id("repliesOut").advice(new SendFailureAdvice(drops)))
                .get();
    }
}
