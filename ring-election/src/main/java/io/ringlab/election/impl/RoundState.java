package io.ringlab.election.impl;

import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.RoundId;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One node's state in one round (the seed's ELECTION array, per side, plus what it sent). */
final class RoundState {

    final RoundId id;
    final long joinedAt;
    /** This node as a nominee, or null when it only relays (restarting). */
    final Nominee self;

    final boolean initiatedHere;
    Phase phase = Phase.ELECTING;
    long deadline;
    /** The best nominee received from each side. */
    final Map<Direction, Nominee> received = new EnumMap<>(Direction.class);
    /** The best nominee sent toward each side. */
    final Map<Direction, Nominee> sent = new EnumMap<>(Direction.class);

    Nominee result;
    final Set<Direction> resultFrom = EnumSet.noneOf(Direction.class);
    final Set<Direction> resultSent = EnumSet.noneOf(Direction.class);

    RoundState(RoundId id, long joinedAt, Nominee self, boolean initiatedHere, long deadline) {
        this.id = id;
        this.joinedAt = joinedAt;
        this.self = self;
        this.initiatedHere = initiatedHere;
        this.deadline = deadline;
    }

    boolean isActive() {
        return !phase.isOver();
    }

    long ownValue() {
        return self == null ? -1 : self.value();
    }
}
