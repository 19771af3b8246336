package io.ringlab.election.impl;

import io.ringlab.election.message.RingMessage;

/**
 * The latest election or result message for the neighbour on one side, resent until acknowledged. A
 * newer message replaces an unacknowledged older one: only the latest state matters.
 */
final class Link {

    String target;
    RingMessage message;
    long token;
    long lastSentAt;
    int attempts;
    boolean pending;

    void load(String target, RingMessage message, long token) {
        this.target = target;
        this.message = message;
        this.token = token;
        this.attempts = 0;
        this.pending = true;
    }

    void clear() {
        pending = false;
        message = null;
        target = null;
    }

    boolean acknowledges(long ackToken) {
        return pending && token == ackToken;
    }

    long nextResendAt(long retransmit) {
        return pending && target != null ? lastSentAt + retransmit : Timing.NEVER;
    }
}
