package io.ringlab.election.impl;

import io.ringlab.election.message.Refusal;

/** A down permit refused: give up once a majority with the initiator cannot be reached any more. */
final class RefusalHandler {

    private final Node node;
    private final Permits permits;

    RefusalHandler(Node node, Permits permits) {
        this.node = node;
        this.permits = permits;
    }

    void handle(Refusal refusal, long now) {
        PermitAsk ask = node.ask();
        if (ask == null || !ask.round.equals(refusal.round()) || ask.token != refusal.token()) {
            node.listener().ignored(refusal, "no such ask");
            return;
        }
        if (ask.pending.remove(refusal.sender()) == null) {
            return;
        }
        ask.refusals.add(refusal.sender());
        if (permits.hopeless(ask)) {
            permits.giveUp("permit refused by " + refusal.sender() + ": " + refusal.reason(), now);
        }
    }
}
