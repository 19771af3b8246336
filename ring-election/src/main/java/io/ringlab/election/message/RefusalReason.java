package io.ringlab.election.message;

/** Why a node refused a down permit. Each is logged and counted by the node that refused. */
public enum RefusalReason {
    /** The node is itself in planned downtime. */
    DOWN,
    /** The node restarted less than downtime + guard ago: it may have forgotten a grant. */
    RESTARTING,
    /** A lease granted to another winner is still running. */
    LEASE_HELD,
    /** The node already granted another winner in this round. */
    ALREADY_GRANTED,
    /** The node has moved on to a later round. */
    SUPERSEDED,
    /** The node holds a higher value (or the same value and an id that sorts first) in this round. */
    VALUE_HIGHER,
    /** The node knows a different result for this round. */
    CONFLICT,
    /** The round was started by an earlier incarnation of this node, whose decisions are lost. */
    UNKNOWN_ROUND,
    /** The requested downtime is longer than this node's configured downtime. */
    DOWNTIME_TOO_LONG,
    /** The winner already came up in this round. */
    FINISHED,
    /** A member showed another ring configuration lately: the ring's size is being changed. */
    CONFIGURATION_CHANGE;

    private static final RefusalReason[] VALUES = values();

    public byte code() {
        return (byte) ordinal();
    }

    /** The reason with this code, or {@code null}. */
    public static RefusalReason fromCode(byte code) {
        int index = code & 0xFF;
        return index < VALUES.length ? VALUES[index] : null;
    }
}
