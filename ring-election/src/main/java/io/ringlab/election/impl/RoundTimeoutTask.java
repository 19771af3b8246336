package io.ringlab.election.impl;

/** A round without a result (or without a commit) in time is abandoned; its initiator retries. */
final class RoundTimeoutTask implements Task {

    private final Node node;

    RoundTimeoutTask(Node node) {
        this.node = node;
    }

    @Override
    public void run(long now) {
        RoundState round = node.round();
        if (round != null && round.isActive() && now >= round.deadline && !asking(round)) {
            node.abandonRound("timed out, " + round.phase.label(), now, true);
        }
    }

    @Override
    public long dueAt() {
        RoundState round = node.round();
        return round != null && round.isActive() && !asking(round) ? round.deadline : Timing.NEVER;
    }

    /** While this node asks for permits in the round, the permit timeout rules instead. */
    private boolean asking(RoundState round) {
        return node.ask() != null && node.ask().round.equals(round.id);
    }
}
