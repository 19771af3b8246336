package io.ringlab.election.impl;

import io.ringlab.election.message.Direction;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Veto;

/**
 * A round was vetoed because a winner is (or may be) down: give it up, pass the veto on to the other
 * neighbour so the whole ring gives up (back to the initiator), and start nothing until that downtime ends.
 */
final class VetoHandler {

    private final Node node;

    VetoHandler(Node node) {
        this.node = node;
    }

    void handle(Veto veto, long now) {
        node.links().stream().filter(link -> link.acknowledges(veto.token())).forEach(Link::clear);
        if (veto.round().isBefore(node.currentRound())) {
            node.listener().ignored(veto, "vetoes a round this node has left behind");
            return;
        }
        node.learnDown(new KnownDown(RoundId.NONE, veto.downNode(), now + veto.remainingNanos()));
        RoundState round = node.round();
        if (round == null || !round.id.equals(veto.round()) || !round.isActive()) {
            return;
        }
        node.abandonRound("vetoed: " + veto.downNode() + " is or may be down", now, true);
        for (Direction side : Direction.values()) {
            String neighbour = node.ring().neighbour(side);
            if (neighbour != null && !neighbour.equals(veto.sender())) {
                node.send(
                        neighbour,
                        new Veto(node.self(), veto.round(), veto.downNode(), veto.remainingNanos(), 0),
                        veto.round());
            }
        }
    }
}
