package io.ringlab.election.sim;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Changing the ring's size, 3 to 5 to 3 servers, by rolling restarts ({@link ConfigurationChanges}), over many seeded
 * schedules with loss: never two servers in planned downtime, and rounds commit again once all servers share the new
 * member list. A failure names its seed; {@link #replay} runs that one schedule again with its trace:
 * {@code mvn -pl ring-election -am test -Dtest=ConfigurationChangeSimulationTest#replay
 * -Dsurefire.failIfNoSpecifiedTests=false -Dringlab.sim.seed=SEED}.
 */
class ConfigurationChangeSimulationTest {

    private static final long BASE = Long.getLong("ringlab.sim.base", 2_026L);
    private static final int SCHEDULES = Integer.getInteger("ringlab.sim.configuration-schedules", 400);
    private static final int MAX_SCHEDULES_TO_BREAK = 400;

    private record Run(int schedule, long seed, AssertionError failure) {}

    @Test
    void rollingChangesThreeToFiveToThreeKeepOneServerDownAtMostAndRoundsResume() {
        Optional<Run> firstFailure = IntStream.range(0, SCHEDULES)
                .parallel()
                .mapToObj(ConfigurationChangeSimulationTest::run)
                .filter(run -> run.failure() != null)
                .min(Comparator.comparingInt(Run::schedule));
        firstFailure.ifPresent(run -> {
            throw new AssertionError(
                    "schedule #" + run.schedule() + " failed; replay: mvn -pl ring-election -am test"
                            + " -Dtest=ConfigurationChangeSimulationTest#replay -Dsurefire.failIfNoSpecifiedTests=false"
                            + " -Dringlab.sim.seed=" + run.seed() + "\n"
                            + run.failure().getMessage(),
                    run.failure());
        });
    }

    /** The configuration id alone is not enough: with mismatched messages merely dropped, two servers go down. */
    @Test
    void droppingOtherConfigurationsSilentlyPutsTwoServersDownInSomeSchedule() {
        for (int i = 0; i < MAX_SCHEDULES_TO_BREAK; i++) {
            long seed = ConfigurationChanges.seedFor(BASE, i);
            try {
                ConfigurationChanges.run(seed, 40, true);
            } catch (AssertionError broken) {
                String first = broken.getMessage().split("\n")[0];
                assertThat(first).as("what silent dropping broke").contains("SAFETY 1");
                System.out.printf(
                        "Dropping other configurations silently, schedule #%d (seed %d) put two servers"
                                + " down:%n%s%n",
                        i, seed, first);
                return;
            }
        }
        fail(
                "with other configurations silently dropped, all %d schedules kept one server down at most: the"
                        + " schedules do not reach the gap that the hold closes",
                MAX_SCHEDULES_TO_BREAK);
    }

    /** The limit of the hold: a partition between the old and the new side during the change lets both elect. */
    @Test
    void aPartitionBetweenTheOldAndTheNewListPutsTwoServersDownInSomeSchedule() {
        for (int i = 0; i < MAX_SCHEDULES_TO_BREAK; i++) {
            long seed = ConfigurationChanges.seedFor(BASE, i);
            try {
                ConfigurationChanges.run(seed, 40, false, true);
            } catch (AssertionError broken) {
                String first = broken.getMessage().split("\n")[0];
                if (first.contains("LIVENESS")) {
                    continue;
                }
                assertThat(first).as("what the partition broke").contains("SAFETY 1");
                System.out.printf(
                        "A partition between the old and the new list, schedule #%d (seed %d), put two"
                                + " servers down:%n%s%n",
                        i, seed, first);
                return;
            }
        }
        fail(
                "with a partition between the old and the new list, all %d schedules kept one server down at most",
                MAX_SCHEDULES_TO_BREAK);
    }

    @Test
    void sameSeedGivesTheSameTrace() {
        for (int i = 0; i < 5; i++) {
            long seed = ConfigurationChanges.seedFor(BASE, 1_000 + i);
            assertThat(ConfigurationChanges.run(seed, 0, false).traceHash())
                    .as("seed %d", seed)
                    .isEqualTo(ConfigurationChanges.run(seed, 0, false).traceHash());
        }
    }

    @Test
    void replay() {
        String seed = System.getProperty("ringlab.sim.seed");
        assumeTrue(seed != null, "set -Dringlab.sim.seed=SEED to replay one schedule");
        long value = Long.parseLong(seed);
        System.out.println("plan: " + ConfigurationChanges.planOf(value));
        Simulation sim = ConfigurationChanges.run(value, 1_000_000, false);
        System.out.println(sim.describe("replay finished"));
    }

    private static Run run(int schedule) {
        long seed = ConfigurationChanges.seedFor(BASE, schedule);
        try {
            Objects.requireNonNull(ConfigurationChanges.run(seed, 400, false));
            return new Run(schedule, seed, null);
        } catch (AssertionError failure) {
            return new Run(schedule, seed, failure);
        }
    }
}
