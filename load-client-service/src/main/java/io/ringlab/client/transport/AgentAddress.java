package io.ringlab.client.transport;

import io.ringlab.client.config.LoadClientProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;

/** The agent's address, resolved again periodically (off the send path) so that a moved agent is found. */
@Component
class AgentAddress implements SchedulingConfigurer {

    private final LoadClientProperties properties;
    private volatile InetSocketAddress address;

    AgentAddress(LoadClientProperties properties) {
        this.properties = properties;
        this.address = properties.agent().resolve();
    }

    InetSocketAddress get() {
        return address;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::resolveAgain, properties.resolveInterval(), properties.resolveInterval()));
    }

    void resolveAgain() {
        address = properties.agent().resolveAgain(address);
    }
}
