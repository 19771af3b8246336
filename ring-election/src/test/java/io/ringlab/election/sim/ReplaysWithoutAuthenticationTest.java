package io.ringlab.election.sim;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

/**
 * Replayed genuine datagrams are only late duplicates to the election, even misdirected and even on a ring that
 * does not authenticate: safety and liveness hold. So the anti-replay window and the receiver binding of the seal
 * save work and noise; what keeps the ring safe against a hostile network is that it cannot forge.
 */
class ReplaysWithoutAuthenticationTest {

    private static final long BASE = Long.getLong("ringlab.sim.base", 2_026L);
    private static final int N = 5;
    private static final int SCHEDULES = 150;
    private static final Set<DatagramOrigin> REPLAYS =
            EnumSet.of(DatagramOrigin.REPLAYED, DatagramOrigin.REPLAYED_ELSEWHERE);

    @Test
    void replaysToTheReceiverOrToAnotherNodeBreakNeitherSafetyNorLiveness() {
        for (int i = 0; i < SCHEDULES; i++) {
            long seed = Schedules.seedFor(BASE, N, i);
            if (!Schedules.planOf(seed, N).adversary().isNone()) {
                Schedules.run(seed, N, 400, false, REPLAYS);
            }
        }
    }
}
