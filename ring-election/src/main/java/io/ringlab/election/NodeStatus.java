package io.ringlab.election;

import java.util.List;
import java.util.Set;

/**
 * A snapshot of a node for REST and dashboards. Times are on the node's clock (the {@code nowNanos} the
 * host passes), {@code Long.MAX_VALUE} meaning never.
 *
 * @param self                 this node's id
 * @param incarnation          this node instance's incarnation (new after a restart)
 * @param round                the current (or last) round, {@link RoundId#NONE} before the first
 * @param phase                the round's phase: none, electing, result-known, finished, abandoned
 * @param ownValue             this node's value in that round, -1 if none
 * @param left                 the left neighbour after skipping suspected nodes, null if none
 * @param right                the right neighbour after skipping suspected nodes, null if none
 * @param state                up, down (planned) or restarting
 * @param downUntilNanos       end of this node's planned downtime, 0 when up
 * @param quietUntilNanos      until when this node starts no round: a winner is or may be down
 * @param periodicEnabled      whether periodic rounds are configured
 * @param periodicPaused       whether periodic rounds are paused at runtime
 * @param nextElectionAtNanos  when the periodic timer fires next
 * @param suspected            peers skipped as crashed
 * @param messagesThisRound    messages sent for the current round so far
 * @param recentRounds         the last committed rounds, newest last
 */
public record NodeStatus(String self, long incarnation, RoundId round, String phase, long ownValue, String left,
        String right, State state, long downUntilNanos, long quietUntilNanos, boolean periodicEnabled,
        boolean periodicPaused, long nextElectionAtNanos, Set<String> suspected, long messagesThisRound,
        List<RoundOutcome> recentRounds) {

    /** A node's state as the agents should see it. */
    public enum State {
        UP,
        /** In planned downtime after winning a round. */
        DOWN,
        /** Started less than downtime + guard ago: relays election messages, grants nothing, starts nothing. */
        RESTARTING
    }
}
