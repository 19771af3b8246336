package io.ringlab.election.impl;

/** A winner that has no majority of permits in time gives up (and releases what it got). */
final class PermitTimeoutTask implements Task {

    private final Node node;
    private final Permits permits;

    PermitTimeoutTask(Node node, Permits permits) {
        this.node = node;
        this.permits = permits;
    }

    @Override
    public void run(long now) {
        if (node.ask() != null && now >= node.ask().deadline) {
            permits.giveUp("no majority of permits in time", now);
        }
    }

    @Override
    public long dueAt() {
        return node.ask() == null ? Timing.NEVER : node.ask().deadline;
    }
}
