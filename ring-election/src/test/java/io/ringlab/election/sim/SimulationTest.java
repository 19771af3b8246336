package io.ringlab.election.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Thousands of seeded schedules with message loss, delay, duplication, reordering, stale messages,
 * isolation, crashes and restarts, and in most of them an adversary on the network that forges, replays and
 * mutates datagrams. Safety is checked on every event, liveness after the faults stop (the adversary goes on).
 * A failure prints the seed; {@link #replay} runs that one schedule again, exactly, with its trace:
 * {@code mvn -pl ring-election -am test -Dtest=SimulationTest#replay -Dsurefire.failIfNoSpecifiedTests=false
 * -Dringlab.sim.seed=SEED -Dringlab.sim.n=N} (a schedule of {@link AdversaryHasTeethTest} prints its
 * {@code -Dringlab.sim.authentication=off} and {@code -Dringlab.sim.tactics=...} too).
 * {@code -Dringlab.sim.base=B} draws another set of schedules. The schedules of a row run on every core: each
 * is a simulation of its own that shares nothing.
 */
class SimulationTest {

    private static final long BASE = Long.getLong("ringlab.sim.base", 2_026L);

    /** One schedule run: its simulation, or the failure that names its seed. */
    private record Run(int schedule, Simulation sim, AssertionError failure) {

        static Run of(int n, int schedule) {
            try {
                return new Run(schedule, Schedules.run(Schedules.seedFor(BASE, n, schedule), n, 400), null);
            } catch (AssertionError failure) {
                return new Run(schedule, null, failure);
            }
        }
    }

    /** What the schedules of a row add up to, and the failure of the first schedule that failed. */
    private static final class Tally {
        long checks;
        int attacked;
        final NetworkLedger ledger = new NetworkLedger();
        Run firstFailure;

        void add(Run run) {
            if (run.failure() != null) {
                keepFirst(run);
                return;
            }
            checks += run.sim().checker().checks();
            attacked += run.sim().plan().adversary().isNone() ? 0 : 1;
            ledger.add(run.sim().ledger());
        }

        void add(Tally other) {
            checks += other.checks;
            attacked += other.attacked;
            ledger.add(other.ledger);
            if (other.firstFailure != null) {
                keepFirst(other.firstFailure);
            }
        }

        private void keepFirst(Run failed) {
            if (firstFailure == null || failed.schedule() < firstFailure.schedule()) {
                firstFailure = failed;
            }
        }
    }

    @ParameterizedTest(name = "N={0}: {1} seeded schedules")
    @CsvSource({"3, 2000", "4, 1000", "5, 2000", "7, 600", "16, 120"})
    void safetyOnEveryStepAndLivenessAfterHealing(int n, int schedules) {
        Tally tally = IntStream.range(0, schedules)
                .parallel()
                .mapToObj(i -> Run.of(n, i))
                .collect(Tally::new, Tally::add, Tally::add);
        if (tally.firstFailure != null) {
            throw tally.firstFailure.failure();
        }

        System.out.printf(
                "N=%d: %d schedules, %d of them attacked; %d datagrams injected%n%s",
                n, schedules, tally.attacked, tally.ledger.injectedTotal(), tally.ledger.table());
        assertThat(tally.checks).isPositive();
        assertThat(tally.ledger.injectedTotal()).isPositive();
    }

    @Test
    void sameSeedGivesTheSameTrace() {
        for (int i = 0; i < 20; i++) {
            long seed = Schedules.seedFor(BASE, 5, 10_000 + i);
            Simulation first = Schedules.run(seed, 5, 0);
            Simulation second = Schedules.run(seed, 5, 0);
            assertThat(second.traceHash()).as("seed %d", seed).isEqualTo(first.traceHash());
            assertThat(second.messagesSent()).isEqualTo(first.messagesSent());
            assertThat(second.ledger().injectedTotal()).isEqualTo(first.ledger().injectedTotal());
        }
    }

    @Test
    void replay() {
        String seed = System.getProperty("ringlab.sim.seed");
        assumeTrue(seed != null, "set -Dringlab.sim.seed=SEED (and -Dringlab.sim.n=N) to replay one schedule");
        int n = Integer.getInteger("ringlab.sim.n", 5);
        boolean authenticated = !"off".equals(System.getProperty("ringlab.sim.authentication"));
        String tactics = System.getProperty("ringlab.sim.tactics");
        Simulation sim = Schedules.run(
                Long.parseLong(seed),
                n,
                1_000_000,
                authenticated,
                tactics == null ? AdversaryPlan.every() : AdversaryPlan.parseTactics(tactics));
        System.out.println(sim.describe("replay finished"));
        System.out.print(sim.ledger().table());
    }
}
