package io.ringlab.election.impl;

import io.ringlab.election.message.Grant;
import io.ringlab.election.message.Nominee;

/** A down permit for this node's ask; a majority with the initiator commits the round. */
final class GrantHandler {

    private final Node node;
    private final Permits permits;

    GrantHandler(Node node, Permits permits) {
        this.node = node;
        this.permits = permits;
    }

    void handle(Grant grant, long now) {
        PermitAsk ask = node.ask();
        if (ask == null
                || !ask.round.equals(grant.round())
                || ask.token != grant.token()
                || !grant.winner().equals(node.self())) {
            node.listener().ignored(grant, "no such ask");
            return;
        }
        if (grant.granterValue() >= 0
                && new Nominee(grant.sender(), grant.granterValue()).beats(new Nominee(node.self(), ask.value))) {
            node.listener().ignored(grant, "granter's value is higher");
            return;
        }
        ask.pending.remove(grant.sender());
        ask.grants.add(grant.sender());
        permits.commitIfMajority(now);
    }
}
