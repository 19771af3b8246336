package io.ringlab.election;

import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;

/**
 * Events of a node for its host: announce {@code d}/{@code u} to the agents, log a line per round, count
 * refusals and ignored messages. Called on the node's (single) thread, inside the call that caused the
 * event; implementations must not call back into the node and should return quickly.
 */
public interface RingListener {

    /** This node won {@code round} and is in planned downtime until {@code untilNanos} (node clock). */
    default void wentDown(RoundId round, long untilNanos) {}

    /** This node's planned downtime after {@code round} is over. */
    default void cameUp(RoundId round, long nowNanos) {}

    /** A round this node took part in was committed (once per round per node). */
    default void roundCompleted(RoundOutcome outcome) {}

    /** This node gave up on a round (it may have been committed elsewhere all the same). */
    default void roundAbandoned(RoundId round, String reason) {}

    /**
     * This node joined {@code round} with {@code value}; {@code candidate} is false for a node that only
     * relays (it restarted less than downtime + guard ago) and then {@code value} is -1.
     */
    default void joinedRound(RoundId round, long value, boolean candidate) {}

    /** This node refused a down permit to {@code winner} in {@code round}. */
    default void permitRefused(RoundId round, String winner, RefusalReason reason) {}

    /** A neighbour did not acknowledge and is skipped from now on. */
    default void peerSuspected(String peer) {}

    /** A skipped peer was heard from again and takes its place in the ring again. */
    default void peerRestored(String peer) {}

    /**
     * Member {@code peer} sent a message of another ring configuration, and this node was not already holding for
     * one: it starts no round and grants no permit until {@code holdUntilNanos} (node clock), later if it hears
     * more of them.
     */
    default void configurationChangeSeen(String peer, long holdUntilNanos) {}

    /** A message was ignored (stale round, unknown sender, duplicate of no use, ...). */
    default void ignored(RingMessage message, String reason) {}
}
