package io.ringlab.election;

import io.ringlab.election.message.RoundId;

/**
 * A committed round as one node saw it. Times are on this node's clock.
 *
 * @param round            the round
 * @param winner           the node that won it and went down
 * @param value            the winner's value in the round
 * @param startedAtNanos   when this node joined the round (or heard of it first)
 * @param finishedAtNanos  when this node learned the round was committed
 * @param messagesSent     messages this node sent for the round until then, retransmissions and acks included
 * @param selfWon          whether this node is the winner
 */
public record RoundOutcome(
        RoundId round,
        String winner,
        long value,
        long startedAtNanos,
        long finishedAtNanos,
        long messagesSent,
        boolean selfWon) {

    public long durationNanos() {
        return finishedAtNanos - startedAtNanos;
    }
}
