package io.ringlab.election.impl;

import java.util.Locale;

/** Where a node is in a round. */
enum Phase {
    /** Nominees travel; no result yet. */
    ELECTING,
    /** A result is known; waiting for the winner to commit. */
    RESULT_KNOWN,
    /** The winner committed (this node received {@code d}, or is the winner). */
    FINISHED,
    /** Given up: timed out, superseded, or vetoed. */
    ABANDONED;

    boolean isOver() {
        return this == FINISHED || this == ABANDONED;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
