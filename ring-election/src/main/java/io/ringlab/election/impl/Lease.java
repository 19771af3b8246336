package io.ringlab.election.impl;

import io.ringlab.election.message.RoundId;

/**
 * A down permit this node granted: to {@code winner}'s ask {@code token} in {@code round}, running until
 * {@code until} on this node's clock unless the winner released it earlier.
 */
final class Lease {

    final RoundId round;
    final String winner;
    final long value;
    final long token;
    long until;
    boolean released;

    Lease(RoundId round, String winner, long value, long token, long until) {
        this.round = round;
        this.winner = winner;
        this.value = value;
        this.token = token;
        this.until = until;
    }

    boolean isLive(long now) {
        return !released && now < until;
    }
}
