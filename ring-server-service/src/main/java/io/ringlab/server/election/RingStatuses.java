package io.ringlab.server.election;

import io.ringlab.election.NodeStatus;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.RingStatus.Winner;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A ring server's election state as its REST status ({@link RingStatus}) tells it. */
final class RingStatuses {

    private RingStatuses() {}

    /**
     * The winner's nominee as it travels, hop by hop, both ways round the ring from the winner: step 0 is the winner,
     * step k the members k hops away on either side, until the two waves meet opposite it (the result then goes
     * round the same steps back). Ring order is the member list; a winner not in the list travels nowhere.
     */
    static List<List<String>> nomineeHops(List<String> members, String winner) {
        int at = members.indexOf(winner);
        if (at < 0) {
            return List.of();
        }
        int n = members.size();
        List<List<String>> hops = new java.util.ArrayList<>();
        hops.add(List.of(winner));
        for (int k = 1; k <= n / 2; k++) {
            String right = members.get((at + k) % n);
            String left = members.get(((at - k) % n + n) % n);
            hops.add(right.equals(left) ? List.of(right) : List.of(right, left));
        }
        return List.copyOf(hops);
    }

    static RingStatus of(NodeStatus node, long nowNanos, Instant now, long completed, long abandoned) {
        List<Winner> winners = node.recentRounds().stream()
                .map(outcome -> winner(outcome, nowNanos, now, node.members()))
                .toList();
        return new RingStatus(
                node.self(),
                node.round().toString(),
                node.phase(),
                node.ownValue(),
                node.left(),
                node.right(),
                node.state().name().toLowerCase(java.util.Locale.ROOT),
                millis(node.downForNanos()),
                millis(node.quietForNanos()),
                node.periodicEnabled(),
                node.periodicPaused(),
                node.nextElectionInNanos() < 0 ? -1 : millis(node.nextElectionInNanos()),
                node.suspected().stream().sorted().toList(),
                completed,
                abandoned,
                winners,
                node.configuration().toString(),
                node.members(),
                millis(node.configurationChangeForNanos()));
    }

    /** A server left out of its ring's list: no round, no neighbours, only its configuration. */
    static RingStatus notInConfiguration(String self, ConfigurationId configuration, List<String> members) {
        return new RingStatus(
                self,
                "none",
                "none",
                -1,
                null,
                null,
                RingStatus.NOT_IN_CONFIGURATION,
                0,
                0,
                false,
                false,
                -1,
                List.of(),
                0,
                0,
                List.of(),
                configuration.toString(),
                members,
                0);
    }

    private static Winner winner(RoundOutcome outcome, long nowNanos, Instant now, List<String> members) {
        Instant finished = now.minusNanos(nowNanos - outcome.finishedAtNanos());
        return new Winner(
                outcome.round().toString(),
                outcome.winner(),
                outcome.value(),
                outcome.durationNanos() / 1e6,
                outcome.messagesSent(),
                finished,
                outcome.round().initiator(),
                nomineeHops(members, outcome.winner()));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
