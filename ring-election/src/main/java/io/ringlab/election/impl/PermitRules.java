package io.ringlab.election.impl;

import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.RoundId;

/**
 * Whether this node grants a down permit, and the lease it then holds. Every refusal has a reason; the
 * handler reports each one to the listener. The rules, in order:
 *
 * <ol>
 * <li>a node in planned downtime grants nothing (DOWN);</li>
 * <li>a node that started less than downtime + guard ago grants nothing: it may have forgotten a grant
 *     (RESTARTING); a node that saw a member of another ring configuration lately grants nothing: the ring's
 *     size is being changed (CONFIGURATION_CHANGE);</li>
 * <li>no permit for a longer downtime than this node's own, so that rule 2 covers every grant
 *     (DOWNTIME_TOO_LONG);</li>
 * <li>a round started by an earlier incarnation of this node is never granted: its decision was lost
 *     (UNKNOWN_ROUND);</li>
 * <li>grants only go forward: none in a round before the last granted one (SUPERSEDED), none to another
 *     winner in the same round (ALREADY_GRANTED), none again after the winner came up (FINISHED), none
 *     in a later round while the last lease runs (LEASE_HELD);</li>
 * <li>none for a round before this node's current round (SUPERSEDED);</li>
 * <li>none in a round this node only relays, having joined it while restarting (RESTARTING); none to a
 *     winner this node beats in the round (VALUE_HIGHER), or that contradicts the result this node knows
 *     (CONFLICT).</li>
 * </ol>
 */
final class PermitRules {

    private final Node node;
    private Lease lease;

    PermitRules(Node node) {
        this.node = node;
    }

    Lease lease() {
        return lease;
    }

    /** Rules 1 to 5, before the node joins the request's round; null when none refuses. */
    RefusalReason checkBeforeJoin(LeaseRequest request, long now) {
        if (node.down() != null) {
            return RefusalReason.DOWN;
        }
        if (node.isRestarting(now)) {
            return RefusalReason.RESTARTING;
        }
        if (node.isHoldingForConfiguration(now)) {
            return RefusalReason.CONFIGURATION_CHANGE;
        }
        if (request.downtimeNanos() > node.timing().downtime()) {
            return RefusalReason.DOWNTIME_TOO_LONG;
        }
        RoundId round = request.round();
        if (round.initiator().equals(node.self()) && round.incarnation() != node.incarnation()) {
            return RefusalReason.UNKNOWN_ROUND;
        }
        if (lease != null) {
            int order = round.compareTo(lease.round);
            if (order < 0) {
                return RefusalReason.SUPERSEDED;
            }
            if (order == 0 && (!lease.winner.equals(request.sender()) || lease.value != request.value())) {
                return RefusalReason.ALREADY_GRANTED;
            }
            if (order == 0 && lease.released) {
                return RefusalReason.FINISHED;
            }
            if (order > 0 && lease.isLive(now)) {
                return RefusalReason.LEASE_HELD;
            }
        }
        if (round.isBefore(node.currentRound())) {
            return RefusalReason.SUPERSEDED;
        }
        return null;
    }

    /** Rules 6 and 7, once the node is in the request's round; null when none refuses. */
    RefusalReason checkInRound(LeaseRequest request) {
        RoundState state = node.round();
        if (state == null || !state.id.equals(request.round())) {
            return RefusalReason.SUPERSEDED;
        }
        if (state.phase == Phase.FINISHED && !request.sender().equals(node.self())) {
            return RefusalReason.FINISHED;
        }
        if (state.self == null) {
            return RefusalReason.RESTARTING;
        }
        Nominee winner = new Nominee(request.sender(), request.value());
        if (!request.sender().equals(node.self()) && state.self.beats(winner)) {
            return RefusalReason.VALUE_HIGHER;
        }
        if (state.result != null && !state.result.equals(winner)) {
            return RefusalReason.CONFLICT;
        }
        return null;
    }

    /** How long a refusal for {@code reason} will last, if known. */
    long retryAfter(RefusalReason reason, long now) {
        return switch (reason) {
            case DOWN -> node.down() == null ? 0 : Math.max(0, node.down().until - now);
            case RESTARTING -> Math.max(0, node.restartWaitUntil() - now);
            case LEASE_HELD -> lease == null ? 0 : Math.max(0, lease.until - now);
            case CONFIGURATION_CHANGE -> Math.max(0, node.configurationHoldUntil() - now);
            default -> 0;
        };
    }

    /** Grants: no other winner until downtime + guard from now, unless released earlier. */
    void grant(LeaseRequest request, long now) {
        long until = now + request.downtimeNanos() + node.timing().guard();
        if (lease != null && lease.round.equals(request.round()) && lease.token == request.token()) {
            lease.until = Math.max(lease.until, until);
            return;
        }
        if (lease != null && lease.round.equals(request.round()) && lease.isLive(now)) {
            until = Math.max(until, lease.until);
        }
        lease = new Lease(request.round(), request.sender(), request.value(), request.token(), until);
    }

    /** The winner came up or gave up: the lease for exactly that ask ends now. */
    void release(RoundId round, String winner, long token) {
        if (lease != null && lease.round.equals(round) && lease.winner.equals(winner) && lease.token == token) {
            lease.released = true;
        }
    }
}
