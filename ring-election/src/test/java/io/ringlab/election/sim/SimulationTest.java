package io.ringlab.election.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thousands of seeded schedules with message loss, delay, duplication, reordering, stale messages,
 * isolation, crashes and restarts. Safety is checked on every event, liveness after the faults stop.
 * A failure prints the seed; {@link #replay} runs that one schedule again, exactly, with its trace:
 * {@code mvn -pl ring-election -am test -Dtest=SimulationTest#replay -Dsurefire.failIfNoSpecifiedTests=false
 * -Dringlab.sim.seed=SEED -Dringlab.sim.n=N}. {@code -Dringlab.sim.base=B} draws another set of schedules.
 */
class SimulationTest {

    private static final long BASE = Long.getLong("ringlab.sim.base", 2_026L);

    @ParameterizedTest(name = "N={0}: {1} seeded schedules")
    @CsvSource({"3, 2000", "4, 1000", "5, 2000", "7, 600", "16, 120"})
    void safetyOnEveryStepAndLivenessAfterHealing(int n, int schedules) {
        long checks = 0;
        for (int i = 0; i < schedules; i++) {
            Simulation sim = Schedules.run(Schedules.seedFor(BASE, n, i), n, 400);
            checks += sim.checker().checks();
        }
        assertThat(checks).isPositive();
    }

    @Test
    void sameSeedGivesTheSameTrace() {
        for (int i = 0; i < 20; i++) {
            long seed = Schedules.seedFor(BASE, 5, 10_000 + i);
            Simulation first = Schedules.run(seed, 5, 0);
            Simulation second = Schedules.run(seed, 5, 0);
            assertThat(second.traceHash()).as("seed %d", seed).isEqualTo(first.traceHash());
            assertThat(second.messagesSent()).isEqualTo(first.messagesSent());
        }
    }

    @Test
    void replay() {
        String seed = System.getProperty("ringlab.sim.seed");
        assumeTrue(seed != null, "set -Dringlab.sim.seed=SEED (and -Dringlab.sim.n=N) to replay one schedule");
        int n = Integer.getInteger("ringlab.sim.n", 5);
        Simulation sim = Schedules.run(Long.parseLong(seed), n, 1_000_000);
        System.out.println(sim.describe("replay finished"));
    }
}
