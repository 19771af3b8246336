package io.ringlab.election;

import io.ringlab.election.message.RingMessage;

/**
 * How a node sends. Implementations never block and never throw: a message that cannot be sent is
 * dropped (and counted by the transport); the node copes with loss by retransmission and timeouts.
 */
@FunctionalInterface
public interface Transport {

    /** Sends {@code message} to the peer named {@code to} (an id from the configured peer list). */
    void send(String to, RingMessage message);
}
