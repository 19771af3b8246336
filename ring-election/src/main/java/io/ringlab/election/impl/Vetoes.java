package io.ringlab.election.impl;

import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Veto;

/**
 * Whether an election message of some round must be answered with a veto instead of taking part: this
 * node is down, or it knows (from a lease it granted, a {@code d} or a veto) that another round's winner
 * is or may be down. Election traffic of the very round whose winner is down is not vetoed.
 */
final class Vetoes {

    private final Node node;

    Vetoes(Node node) {
        this.node = node;
    }

    /** The downtime that forbids round {@code round} now, or null. */
    KnownDown reasonToVeto(RoundId round, long now) {
        if (node.down() != null) {
            return new KnownDown(node.down().round, node.self(), node.down().until);
        }
        KnownDown reason = null;
        Lease lease = node.permitRules().lease();
        if (lease != null && lease.isLive(now) && !lease.round.equals(round)) {
            reason = new KnownDown(lease.round, lease.winner, lease.until);
        }
        KnownDown heard = node.knownDown();
        if (heard != null
                && heard.until() > now
                && !heard.round().equals(round)
                && (reason == null || heard.until() > reason.until())) {
            reason = heard;
        }
        return reason;
    }

    Veto veto(RoundId round, KnownDown reason, long token, long now) {
        return new Veto(node.self(), round, reason.node(), Math.max(0, reason.until() - now), token);
    }
}
