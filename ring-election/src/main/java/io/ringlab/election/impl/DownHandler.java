package io.ringlab.election.impl;

import io.ringlab.election.message.Down;
import io.ringlab.election.message.RoundId;

/** Seed {@code d}: a winner committed its round and is down; the round is finished here too. */
final class DownHandler {

    private final Node node;

    DownHandler(Node node) {
        this.node = node;
    }

    void handle(Down message, long now) {
        node.ack(message, message.token());
        RoundId round = message.round();
        // Its remaining time counts from when it arrives: a d of a round this node has left behind may be a late
        // copy (a replay of one the network lost) and would block it for a downtime it may have long known is over.
        if (!round.isBefore(node.currentRound())) {
            node.learnDown(new KnownDown(round, message.sender(), now + message.remainingNanos()));
        }
        if (round.isAfter(node.currentRound())) {
            node.enterCommittedRound(round, now);
        }
        node.finishRound(round, message.sender(), message.value(), now);
    }
}
