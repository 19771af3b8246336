package io.ringlab.election;

/** What {@link RingNode#startRoundNow(long)} did. */
public enum StartResult {
    /** A new round was started by this node. */
    STARTED,
    /** This node is in planned downtime. */
    REFUSED_DOWN,
    /** A winner is (or may be) in planned downtime; see {@link NodeStatus#quietForNanos()}. */
    REFUSED_WINNER_DOWN,
    /**
     * A round is in progress at this node; or the ring used up every term ({@link RoundId#MAX_TERM}), which only a
     * faulty member that sent the last term can bring about: no round can follow it.
     */
    REFUSED_ROUND_IN_PROGRESS,
    /** This node started less than downtime + guard ago and may have forgotten a grant. */
    REFUSED_RESTARTING,
    /** A member showed another ring configuration lately: the ring's size is being changed. */
    REFUSED_CONFIGURATION_CHANGE
}
