package io.ringlab.support.transport;

import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.handler.AbstractMessageHandler;

import java.net.DatagramSocket;

/** The JDK's NIO channels, served by the service's {@link UdpEventLoop}. */
public final class NioDatagramTransport implements DatagramTransport {

    private final UdpEventLoop loop;

    public NioDatagramTransport(UdpEventLoop loop) {
        this.loop = loop;
    }

    @Override
    public UdpEndpoint bind(String property, String bindAddress, int port, UdpSettings settings) {
        return new Endpoint(UdpSockets.bind(property, bindAddress, port, settings));
    }

    /** One loop: one socket. */
    @Override
    public UdpEndpoint bindPerLoop(
            String property, String bindAddress, int port, UdpSettings settings, boolean samePort) {
        return bind(property, bindAddress, port, settings);
    }

    @Override
    public int loops() {
        return 1;
    }

    @Override
    public MessageProducerSupport receiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops) {
        return new DatagramChannelMessageProducer(socket(endpoint).getChannel(), loop, settings, drops);
    }

    /** One message per wake-up of the loop: the datagrams it read from the socket. */
    @Override
    public MessageProducerSupport batchReceiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops) {
        return DatagramChannelMessageProducer.batching(socket(endpoint).getChannel(), loop, settings, drops);
    }

    @Override
    public AbstractMessageHandler sender(UdpEndpoint endpoint, DropCounter drops) {
        return new DatagramChannelSendingHandler(socket(endpoint).getChannel(), drops);
    }

    @Override
    public String describe() {
        return "nio";
    }

    /** The loop is the application's bean ({@code udpEventLoop}) and is closed with it. */
    @Override
    public void close() {}

    private static DatagramSocket socket(UdpEndpoint endpoint) {
        return ((Endpoint) endpoint).socket();
    }

    private record Endpoint(DatagramSocket socket) implements UdpEndpoint {

        @Override
        public int localPort() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
