package io.ringlab.election.impl;

/** Ends the planned downtime: seed "generates a new random value ... informs ... that it is back up". */
final class DowntimeTask implements Task {

    private final Node node;
    private final Permits permits;

    DowntimeTask(Node node, Permits permits) {
        this.node = node;
        this.permits = permits;
    }

    @Override
    public void run(long now) {
        if (node.down() != null && now >= node.down().until) {
            permits.comeUp(now);
        }
    }

    @Override
    public long dueAt() {
        return node.down() == null ? Timing.NEVER : node.down().until;
    }
}
