package io.ringlab.election.impl;

import io.ringlab.election.message.RoundId;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** This node won a round and is collecting down permits from a majority (the initiator among them). */
final class PermitAsk {

    final RoundId round;
    final long value;
    final long token;
    /** When the ask was first sent: the downtime is measured from here. */
    final long askedAt;

    final long deadline;
    final Set<String> grants = new LinkedHashSet<>();
    final Set<String> refusals = new LinkedHashSet<>();
    /** Peers not heard from yet, and when each was last asked. */
    final Map<String, Long> pending = new HashMap<>();

    PermitAsk(RoundId round, long value, long token, long askedAt, long deadline) {
        this.round = round;
        this.value = value;
        this.token = token;
        this.askedAt = askedAt;
        this.deadline = deadline;
    }
}
