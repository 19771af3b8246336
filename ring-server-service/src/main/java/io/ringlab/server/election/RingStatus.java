package io.ringlab.server.election;

import io.ringlab.election.NodeStatus;
import io.ringlab.election.RoundOutcome;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A ring server's election state for REST: its round, value, neighbours, state and the last winners. */
public record RingStatus(
        String self,
        String round,
        String phase,
        long value,
        String left,
        String right,
        String state,
        long downForMs,
        long quietForMs,
        boolean periodicEnabled,
        boolean periodicPaused,
        long nextElectionInMs,
        List<String> suspected,
        long roundsCompleted,
        long roundsAbandoned,
        List<Winner> lastWinners) {

    /** A committed round: who won, with what value, how long it took, and when it ended (wall clock). */
    public record Winner(String round, String winner, long value, double durationMs, long messagesSent,
                         Instant finishedAt) {
    }

    static RingStatus of(NodeStatus node, long nowNanos, Instant now, long completed, long abandoned) {
        List<Winner> winners = node.recentRounds().stream()
                .map(outcome -> winner(outcome, nowNanos, now))
                .toList();
        return new RingStatus(node.self(), node.round().toString(), node.phase(), node.ownValue(), node.left(),
                node.right(), node.state().name().toLowerCase(java.util.Locale.ROOT), millis(node.downForNanos()),
                millis(node.quietForNanos()), node.periodicEnabled(), node.periodicPaused(),
                node.nextElectionInNanos() < 0 ? -1 : millis(node.nextElectionInNanos()),
                node.suspected().stream().sorted().toList(), completed, abandoned, winners);
    }

    private static Winner winner(RoundOutcome outcome, long nowNanos, Instant now) {
        Instant finished = now.minusNanos(nowNanos - outcome.finishedAtNanos());
        return new Winner(outcome.round().toString(), outcome.winner(), outcome.value(), outcome.durationNanos() / 1e6,
                outcome.messagesSent(), finished);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
