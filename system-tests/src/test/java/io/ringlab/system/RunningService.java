package io.ringlab.system;

import io.ringlab.support.transport.UdpEndpoint;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** One service started in this JVM, with its context for inspecting beans. */
record RunningService(String name, ConfigurableApplicationContext context) implements AutoCloseable {

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The local port of a socket bean: a plain {@code DatagramSocket} (NIO) or a transport's {@link UdpEndpoint}. */
    int udpPort(String socketBean) {
        Object socket = context.getBean(socketBean);
        return socket instanceof UdpEndpoint endpoint ? endpoint.localPort() : ((DatagramSocket) socket).getLocalPort();
    }

    InetSocketAddress udpAddress(String socketBean) {
        return new InetSocketAddress("127.0.0.1", udpPort(socketBean));
    }

    int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
