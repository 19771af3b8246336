package io.ringlab.client.transport;

import io.ringlab.client.config.LoadClientProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;

/** The agent's address, resolved again periodically (off the send path) so that a moved agent is found. */
@Component
class AgentAddress {

    private final LoadClientProperties properties;
    private volatile InetSocketAddress address;

    AgentAddress(LoadClientProperties properties) {
        this.properties = properties;
        this.address = properties.agent().resolve();
    }

    InetSocketAddress get() {
        return address;
    }

    @Scheduled(initialDelayString = "${ringlab.client.resolve-interval:10s}",
            fixedDelayString = "${ringlab.client.resolve-interval:10s}")
    void resolveAgain() {
        address = properties.agent().resolveAgain(address);
    }
}
