package io.ringlab.election.impl;

import io.ringlab.election.message.Down;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.Veto;

/**
 * Caps every duration a message brings from the network at what this node's own settings allow: its downtime
 * plus guard. No downtime can rightly be longer (a node grants no permit for a longer downtime than its own), so
 * no single message, however buggy or hostile its sender, blocks this node for longer than that.
 *
 * <p>A lease request's downtime is capped too, but above the node's downtime, so it is still refused as
 * {@code DOWNTIME_TOO_LONG}: granting a capped permit would let its winner stay down past the lease.
 */
final class DurationCaps {

    private final long max;

    DurationCaps(Timing timing) {
        this.max = timing.downtime() + timing.guard();
    }

    RingMessage apply(RingMessage message) {
        if (message instanceof Down m && m.remainingNanos() > max) {
            return new Down(m.sender(), m.round(), m.value(), max, m.token());
        }
        if (message instanceof Veto m && m.remainingNanos() > max) {
            return new Veto(m.sender(), m.round(), m.downNode(), max, m.token());
        }
        if (message instanceof Refusal m && m.retryAfterNanos() > max) {
            return new Refusal(m.sender(), m.round(), m.winner(), m.reason(), max, m.token());
        }
        if (message instanceof LeaseRequest m && m.downtimeNanos() > max) {
            return new LeaseRequest(m.sender(), m.round(), m.value(), max, m.token());
        }
        return message;
    }
}
