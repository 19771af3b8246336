package io.ringlab.election.impl;

import io.ringlab.election.ElectionSettings;

/** The settings in nanoseconds, and the durations derived from them. */
record Timing(long interval, long downtime, long retransmit, long roundTimeout, long guard, long probe,
        long permitTimeout, int suspectAfter, long valueBound, int historySize) {

    static final long NEVER = Long.MAX_VALUE;

    static Timing of(ElectionSettings s) {
        long downtime = s.downtime().toNanos();
        long roundTimeout = s.roundTimeout().toNanos();
        return new Timing(s.interval().toNanos(), downtime, s.retransmitTimeout().toNanos(), roundTimeout,
                s.guard().toNanos(), s.probeInterval().toNanos(), Math.min(roundTimeout, downtime / 2),
                s.suspectAfter(), s.valueBound(), s.historySize());
    }

    /** How long a restarted node grants nothing: any grant it forgot has run out by then. */
    long restartWait() {
        return downtime + guard;
    }
}
