package io.ringlab.election.impl;

import io.ringlab.election.StartResult;

/**
 * Seed: "a repeating timer that fires every 60 seconds". Fires interval x (1 + u/10) after the last round
 * this node joined or finished (the first time interval x (1 + u) after start), so that unsynchronised
 * timers start about one round per interval; defers while a winner is down or a round runs.
 */
final class PeriodicElectionTask implements Task {

    private final Node node;

    PeriodicElectionTask(Node node) {
        this.node = node;
    }

    @Override
    public void run(long now) {
        if (!node.periodicEnabled() || node.periodicPaused() || now < node.nextElectionAt()) {
            return;
        }
        if (node.canStart(now) == StartResult.STARTED) {
            node.initiateRound(now);
        } else {
            node.deferPeriodic(now);
        }
    }

    @Override
    public long dueAt() {
        return node.periodicEnabled() && !node.periodicPaused() ? node.nextElectionAt() : Timing.NEVER;
    }
}
