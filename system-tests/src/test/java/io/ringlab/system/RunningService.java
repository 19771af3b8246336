package io.ringlab.system;

import org.springframework.context.ConfigurableApplicationContext;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** One service started in this JVM, with its context for inspecting beans. */
record RunningService(String name, ConfigurableApplicationContext context) implements AutoCloseable {

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int udpPort(String socketBean) {
        return context.getBean(socketBean, DatagramSocket.class).getLocalPort();
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
