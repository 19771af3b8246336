package io.ringlab.election.sim;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The adversary has teeth: on a ring that does not authenticate (messages decoded straight from the bytes, as
 * before sealing), its forged messages alone break safety or liveness within a bounded number of schedules. So
 * {@link SimulationTest} holding under the same adversary shows that authentication keeps the ring safe and live,
 * not that the adversary is harmless.
 */
class AdversaryHasTeethTest {

    private static final long BASE = Long.getLong("ringlab.sim.base", 2_026L);
    private static final int N = 5;
    private static final int MAX_SCHEDULES = 200;
    private static final Set<DatagramOrigin> FORGERIES =
            EnumSet.of(DatagramOrigin.FORGED_SEALED, DatagramOrigin.FORGED_UNSEALED);

    @Test
    void withoutAuthenticationForgedMessagesBreakSafetyOrLivenessInSomeSchedule() {
        int attacked = 0;
        for (int i = 0; i < MAX_SCHEDULES; i++) {
            long seed = Schedules.seedFor(BASE, N, i);
            if (Schedules.planOf(seed, N).adversary().isNone()) {
                continue;
            }
            attacked++;
            try {
                Schedules.run(seed, N, 40, false, FORGERIES);
            } catch (AssertionError broken) {
                String[] lines = broken.getMessage().split("\n");
                assertThat(lines[0]).as("what the forgeries broke").containsAnyOf("SAFETY", "LIVENESS");
                System.out.printf(
                        "Without authentication, forged messages broke the ring in attacked schedule #%d"
                                + " (seed %d, N=%d):%n%s%n%s%n",
                        attacked, seed, N, lines[0], lines[1]);
                return;
            }
        }
        fail(
                "without authentication, all %d attacked schedules of %d held: the forgeries have no teeth",
                attacked, MAX_SCHEDULES);
    }
}
