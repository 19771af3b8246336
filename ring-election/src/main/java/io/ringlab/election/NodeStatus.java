package io.ringlab.election;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.RoundId;

import java.util.List;
import java.util.Set;

/**
 * A snapshot of a node for REST and dashboards. Durations are from the {@code nowNanos} of the snapshot;
 * round outcomes carry times of the node's clock.
 *
 * @param self                 this node's id
 * @param incarnation          this node instance's incarnation (new after a restart)
 * @param round                the current (or last) round, {@link RoundId#NONE} before the first
 * @param phase                the round's phase: none, electing, result-known, finished, abandoned
 * @param ownValue             this node's value in that round, -1 if none
 * @param left                 the left neighbour after skipping suspected nodes, null if none
 * @param right                the right neighbour after skipping suspected nodes, null if none
 * @param state                up, down (planned) or restarting
 * @param downForNanos         how much longer this node is in planned downtime, 0 when up
 * @param quietForNanos        how much longer this node starts no round: a winner is or may be down (0: none)
 * @param periodicEnabled      whether periodic rounds are configured
 * @param periodicPaused       whether periodic rounds are paused at runtime
 * @param nextElectionInNanos  when the periodic timer fires next, from now (-1: disabled or paused)
 * @param suspected            peers skipped as crashed
 * @param messagesThisRound    messages sent for the current round so far
 * @param recentRounds         the last committed rounds, newest last
 * @param configuration        this node's ring configuration: the id of {@code members}
 * @param members              the ring, in ring order, as this node was configured
 * @param configurationChangeForNanos how much longer this node starts no round and grants no permit because a
 *                             member showed another ring configuration (0: none seen lately)
 */
public record NodeStatus(
        String self,
        long incarnation,
        RoundId round,
        String phase,
        long ownValue,
        String left,
        String right,
        State state,
        long downForNanos,
        long quietForNanos,
        boolean periodicEnabled,
        boolean periodicPaused,
        long nextElectionInNanos,
        Set<String> suspected,
        long messagesThisRound,
        List<RoundOutcome> recentRounds,
        ConfigurationId configuration,
        List<String> members,
        long configurationChangeForNanos) {

    /** A node's state as the agents should see it. */
    public enum State {
        UP,
        /** In planned downtime after winning a round. */
        DOWN,
        /** Started less than downtime + guard ago: relays election messages, grants nothing, starts nothing. */
        RESTARTING
    }
}
