package io.ringlab.election.impl;

import io.ringlab.election.message.Down;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.Up;

/**
 * The winner's side of the down permit: ask every node, go down once a majority (the round's initiator
 * among them) granted, measure the downtime from the ask, come up, release.
 */
final class Permits {

    private final Node node;

    Permits(Node node) {
        this.node = node;
    }

    /** This node learned it won the current round: ask for permits (once per round). */
    void beginAsk(long now) {
        RoundState round = node.round();
        if (node.ask() != null
                || node.down() != null
                || round == null
                || round.self == null
                || node.askedIn(round.id)
                || node.history().isFinished(round.id)) {
            return;
        }
        node.markAskedIn(round.id);
        long token = node.token();
        LeaseRequest request = new LeaseRequest(
                node.self(), round.id, round.self.value(), node.timing().downtime(), token);
        RefusalReason refusal = node.permitRules().checkBeforeJoin(request, now);
        if (refusal == null) {
            refusal = node.permitRules().checkInRound(request);
        }
        if (refusal != null) {
            node.listener().permitRefused(round.id, node.self(), refusal);
            node.abandonRound("own permit refused: " + refusal, now, true);
            return;
        }
        node.permitRules().grant(request, now);
        PermitAsk ask = new PermitAsk(
                round.id, round.self.value(), token, now, now + node.timing().permitTimeout());
        ask.grants.add(node.self());
        node.beginAsk(ask);
        for (String peer : node.ring().others()) {
            node.send(peer, request, round.id);
            ask.pending.put(peer, now);
        }
        commitIfMajority(now);
    }

    void resend(String peer, long now) {
        PermitAsk ask = node.ask();
        node.send(
                peer,
                new LeaseRequest(
                        node.self(), ask.round, ask.value, node.timing().downtime(), ask.token),
                ask.round);
        ask.pending.put(peer, now);
    }

    void commitIfMajority(long now) {
        PermitAsk ask = node.ask();
        if (ask.grants.size() < node.ring().majority() || !ask.grants.contains(ask.round.initiator())) {
            return;
        }
        if (node.isHoldingForConfiguration(now)) {
            giveUp("a member runs another ring configuration", now);
            return;
        }
        long until = ask.askedAt + node.timing().downtime();
        if (now >= until) {
            giveUp("permits came too late", now);
            return;
        }
        node.goDown(new Downtime(ask.round, ask.value, ask.token, until, node.token()));
        node.listener().wentDown(ask.round, until);
        node.finishRound(ask.round, node.self(), ask.value, now);
        for (String peer : node.ring().others()) {
            announce(peer, now);
        }
    }

    /** Seed {@code d}: tells a peer the round is committed and for how long this node is down. */
    void announce(String peer, long now) {
        Downtime down = node.down();
        node.send(peer, new Down(node.self(), down.round, down.value, down.until - now, down.downToken), down.round);
        down.unacknowledged.put(peer, now);
    }

    /** The downtime is over: seed {@code u}, a fresh value, every permit released. */
    void comeUp(long now) {
        Downtime down = node.comeUp();
        node.listener().cameUp(down.round, now);
        node.permitRules().release(down.round, node.self(), down.askToken);
        for (String peer : node.ring().others()) {
            node.send(peer, new Up(node.self(), down.round, down.askToken), down.round);
        }
    }

    /** Gives up the ask, and the round with it when it is still the current one. */
    void giveUp(String reason, long now) {
        RoundState round = node.round();
        if (round != null && round.isActive() && round.id.equals(node.ask().round)) {
            node.abandonRound(reason, now, true);
        } else {
            node.abandonAsk(now);
        }
    }

    /** Whether a refusal makes the majority impossible for this ask. */
    boolean hopeless(PermitAsk ask) {
        if (ask.refusals.contains(ask.round.initiator())) {
            return true;
        }
        return ask.grants.size() + ask.pending.size() < node.ring().majority();
    }
}
