package io.ringlab.model.status;

import java.time.Instant;
import java.util.List;

/**
 * A ring server's election state for REST: its round, value, neighbours, state and the last winners; its ring
 * configuration (id and member list), and how much longer it holds because a member runs another configuration.
 */
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
        List<Winner> lastWinners,
        String configuration,
        List<String> members,
        long configurationChangeForMs) {

    /** The state of a server whose own id is not in its ring's member list: it takes no part in the ring. */
    public static final String NOT_IN_CONFIGURATION = "not-in-configuration";

    /**
     * A committed round: who won, with what value, how long it took, and when it ended (wall clock); who started
     * it, and the hops of the winning nominee ({@link #nomineeHops}) for a picture to replay.
     */
    public record Winner(
            String round,
            String winner,
            long value,
            double durationMs,
            long messagesSent,
            Instant finishedAt,
            String initiator,
            List<List<String>> nomineeHops) {}
}
