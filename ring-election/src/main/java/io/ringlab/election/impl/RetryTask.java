package io.ringlab.election.impl;

import io.ringlab.election.StartResult;

/** The initiator of an abandoned round starts a new one after a random back-off (a few times at most). */
final class RetryTask implements Task {

    private final Node node;

    RetryTask(Node node) {
        this.node = node;
    }

    @Override
    public void run(long now) {
        if (now < node.retryAt()) {
            return;
        }
        node.takeRetry();
        StartResult start = node.canStart(now);
        if (start == StartResult.STARTED) {
            node.startRound(now);
        } else if (start != StartResult.REFUSED_ROUND_IN_PROGRESS) {
            node.deferRetry(now);
        }
    }

    @Override
    public long dueAt() {
        return node.retryAt();
    }
}
