package io.ringlab.client.load;

/** Sends one request datagram to the agent. Never blocks for long and never throws. */
@FunctionalInterface
public interface RequestSender {

    void send(byte[] datagram);
}
