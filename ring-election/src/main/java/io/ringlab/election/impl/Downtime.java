package io.ringlab.election.impl;

import io.ringlab.election.message.RoundId;

import java.util.HashMap;
import java.util.Map;

/** This node's planned downtime, and the peers its {@code d} has not reached yet. */
final class Downtime {

    final RoundId round;
    final long value;
    final long askToken;
    final long until;
    final long downToken;
    /** Peers that have not acknowledged the {@code d}, and when each was last sent it. */
    final Map<String, Long> unacknowledged = new HashMap<>();

    Downtime(RoundId round, long value, long askToken, long until, long downToken) {
        this.round = round;
        this.value = value;
        this.askToken = askToken;
        this.until = until;
        this.downToken = downToken;
    }
}
