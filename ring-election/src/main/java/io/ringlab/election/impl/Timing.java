package io.ringlab.election.impl;

import io.ringlab.election.ElectionSettings;

/** The settings in nanoseconds, and the durations derived from them. */
record Timing(
        long interval,
        long downtime,
        long retransmit,
        long roundTimeout,
        long guard,
        long probe,
        long permitTimeout,
        int suspectAfter,
        long valueBound,
        int historySize) {

    static final long NEVER = Long.MAX_VALUE;

    static Timing of(ElectionSettings s) {
        long downtime = s.downtime().toNanos();
        long roundTimeout = s.roundTimeout().toNanos();
        return new Timing(
                s.interval().toNanos(),
                downtime,
                s.retransmitTimeout().toNanos(),
                roundTimeout,
                s.guard().toNanos(),
                s.probeInterval().toNanos(),
                Math.min(roundTimeout, downtime / 2),
                s.suspectAfter(),
                s.valueBound(),
                s.historySize());
    }

    /** How long a restarted node grants nothing: any grant it forgot has run out by then. */
    long restartWait() {
        return downtime + guard;
    }

    /**
     * How long a node starts no round and grants no permit after a member showed another ring configuration: a
     * whole downtime plus guard (a winner of the other configuration that was already down is up again), and two
     * probe intervals more, so that the probes the two sides exchange keep the hold from lapsing between them.
     */
    long configurationHold() {
        return downtime + guard + 2 * probe;
    }
}
