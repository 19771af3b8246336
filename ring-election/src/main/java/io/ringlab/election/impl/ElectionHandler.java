package io.ringlab.election.impl;

import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Nominee;

/**
 * Seed {@code e,<addr>,<val>}. The node keeps the best nominee received from each side. When both sides
 * sent the same nominee and no one here beats it, the round is decided: the result goes around the ring.
 * Otherwise, when this node beats everything it heard, it nominates itself to both sides; else it sends
 * the best of (what came from that side, itself) on to the other side, unless that side already sent
 * something better. So a message travelling right always carries the best of a stretch of ring ending
 * at its sender, which is what makes the agreeing node's nominee the best of the whole ring.
 */
final class ElectionHandler {

    private final Node node;
    private final Vetoes vetoes;
    private final Results results;

    ElectionHandler(Node node, Vetoes vetoes, Results results) {
        this.node = node;
        this.vetoes = vetoes;
        this.results = results;
    }

    void handle(Election message, long now) {
        KnownDown veto = vetoes.reasonToVeto(message.round(), now);
        if (veto != null) {
            node.send(message.sender(), vetoes.veto(message.round(), veto, message.token(), now), message.round());
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
        if (round.phase != Phase.ELECTING) {
            node.listener().ignored(message, "round is " + round.phase.label());
            return;
        }
        Direction from = message.direction().opposite();
        if (!message.nominee().beats(round.received.get(from))) {
            node.listener().ignored(message, "duplicate or older nominee");
            return;
        }
        round.received.put(from, message.nominee());
        evaluate(round, from, now);
    }

    private void evaluate(RoundState round, Direction from, long now) {
        Nominee left = round.received.get(Direction.LEFT);
        Nominee right = round.received.get(Direction.RIGHT);
        Nominee best = Nominee.best(Nominee.best(left, right), round.self);
        if (left != null && left.equals(right) && left.equals(best)) {
            results.decide(round, best, now);
        } else if (round.self != null && round.self.equals(best)) {
            for (Direction toward : Direction.values()) {
                forward(round, toward, round.self, now);
            }
        } else {
            Direction toward = from.opposite();
            Nominee onward = Nominee.best(round.received.get(from), round.self);
            Nominee fromThere = round.received.get(toward);
            if (fromThere == null || !fromThere.beats(onward)) {
                forward(round, toward, onward, now);
            }
        }
    }

    private void forward(RoundState round, Direction toward, Nominee nominee, long now) {
        if (nominee.beats(round.sent.get(toward))) {
            round.sent.put(toward, nominee);
            long token = node.token();
            node.sendToward(toward, new Election(node.self(), round.id, toward, nominee, token), token, now);
        }
    }
}
