package io.ringlab.election.impl;

import io.ringlab.election.message.Ack;

/** Stops resending what was acknowledged (an election or result message, or a {@code d}). */
final class AckHandler {

    private final Node node;

    AckHandler(Node node) {
        this.node = node;
    }

    void handle(Ack ack) {
        for (Link link : node.links()) {
            if (link.acknowledges(ack.token())) {
                link.pending = false;
            }
        }
        Downtime down = node.down();
        if (down != null && down.downToken == ack.token()) {
            down.unacknowledged.remove(ack.sender());
        }
    }
}
