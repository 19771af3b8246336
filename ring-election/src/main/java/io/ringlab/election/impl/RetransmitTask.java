package io.ringlab.election.impl;

import java.util.ArrayList;
import java.util.Map;

/**
 * Resends what was not acknowledged: election and result messages to the neighbours (a neighbour that
 * stays silent for {@code suspectAfter} sends is skipped), permit requests, and the {@code d}.
 */
final class RetransmitTask implements Task {

    private final Node node;
    private final Permits permits;

    RetransmitTask(Node node, Permits permits) {
        this.node = node;
        this.permits = permits;
    }

    @Override
    public void run(long now) {
        long retransmit = node.timing().retransmit();
        for (Link link : node.links()) {
            if (link.pending && link.target != null && now >= link.lastSentAt + retransmit) {
                if (link.attempts >= node.timing().suspectAfter()) {
                    node.suspect(link.target, now);
                } else {
                    node.transmit(link, now);
                }
            }
        }
        if (node.ask() != null) {
            for (Map.Entry<String, Long> entry :
                    new ArrayList<>(node.ask().pending.entrySet())) {
                if (now >= entry.getValue() + retransmit) {
                    permits.resend(entry.getKey(), now);
                }
            }
        }
        Downtime down = node.down();
        if (down != null && now < down.until) {
            for (Map.Entry<String, Long> entry : new ArrayList<>(down.unacknowledged.entrySet())) {
                if (now >= entry.getValue() + retransmit) {
                    permits.announce(entry.getKey(), now);
                }
            }
        }
    }

    @Override
    public long dueAt() {
        long retransmit = node.timing().retransmit();
        long due = Timing.NEVER;
        for (Link link : node.links()) {
            due = Math.min(due, link.nextResendAt(retransmit));
        }
        if (node.ask() != null) {
            for (long sentAt : node.ask().pending.values()) {
                due = Math.min(due, sentAt + retransmit);
            }
        }
        if (node.down() != null) {
            for (long sentAt : node.down().unacknowledged.values()) {
                due = Math.min(due, sentAt + retransmit);
            }
        }
        return due;
    }
}
