package io.ringlab.election.impl;

import io.ringlab.election.message.Result;

/** Seed {@code r}: records the result of the round and passes it on; the winner starts asking permits. */
final class ResultHandler {

    private final Node node;
    private final Results results;

    ResultHandler(Node node, Results results) {
        this.node = node;
        this.results = results;
    }

    void handle(Result message, long now) {
        if (node.down() != null) {
            node.ack(message, message.token());
            node.listener().ignored(message, "down");
            return;
        }
        if (message.round().isBefore(node.currentRound())) {
            node.ack(message, message.token());
            node.listener().ignored(message, "stale round, current is " + node.currentRound());
            return;
        }
        if (message.round().isAfter(node.currentRound())) {
            node.join(message.round(), now, false);
        }
        node.ack(message, message.token());
        RoundState round = node.round();
        if (round.phase.isOver()) {
            node.listener().ignored(message, "round is " + round.phase.label());
            return;
        }
        if (round.result == null) {
            results.received(round, message.winner(), message.direction().opposite(), now);
        } else if (round.result.equals(message.winner())) {
            round.resultFrom.add(message.direction().opposite());
        } else {
            node.listener().ignored(message, "conflicts with known result " + round.result);
        }
    }
}
