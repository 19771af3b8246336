package io.ringlab.election.sim;

import io.ringlab.election.ElectionSettings;

import java.time.Duration;
import java.util.Random;
import java.util.Set;

/**
 * Builds and runs one seeded schedule: settings and faults drawn from the seed, a faulty period of four
 * election intervals, then a healing period in which rounds must keep completing.
 */
final class Schedules {

    /** Rounds that must commit after the faults stop, within {@link #livenessWindow}. */
    static final int ROUNDS_AFTER_HEALING = 2;

    private Schedules() {}

    static long seedFor(long base, int n, int schedule) {
        long x = base * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + schedule * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return x & Long.MAX_VALUE;
    }

    /**
     * One of four profiles: the defaults (60 s interval, 15 s down); a 20 s interval; a fast ring (3 s
     * interval, 1 s down, 50 ms retransmit); an interval shorter than the downtime. Values are drawn from
     * [0, 3) in one schedule of four, so ties (broken by id) are common.
     */
    static ElectionSettings settings(Random r) {
        ElectionSettings defaults = ElectionSettings.defaults();
        ElectionSettings profile = switch (r.nextInt(4)) {
            case 0 -> defaults;
            case 1 -> defaults.withInterval(Duration.ofSeconds(20));
            case 2 ->
                defaults.withInterval(Duration.ofSeconds(3))
                        .withDowntime(Duration.ofSeconds(1))
                        .withRetransmitTimeout(Duration.ofMillis(50))
                        .withRoundTimeout(Duration.ofMillis(500))
                        .withGuard(Duration.ofMillis(100))
                        .withProbeInterval(Duration.ofMillis(250));
            default ->
                defaults.withInterval(Duration.ofSeconds(5))
                        .withDowntime(Duration.ofSeconds(8))
                        .withRoundTimeout(Duration.ofSeconds(1))
                        .withGuard(Duration.ofMillis(200));
        };
        return profile.withValueBound(r.nextInt(4) == 0 ? 3 : 1_000_000);
    }

    /** The faulty period: four intervals, at least 90 s. */
    static long healAt(ElectionSettings s) {
        return Math.max(4 * s.interval().toNanos(), Duration.ofSeconds(90).toNanos());
    }

    /** Healing must bring {@link #ROUNDS_AFTER_HEALING} commits within this long after the faults stop. */
    static long livenessWindow(ElectionSettings s) {
        long interval = s.interval().toNanos();
        long downAndGuard = s.downtime().toNanos() + s.guard().toNanos();
        return 3 * interval + 2 * downAndGuard + 2 * s.roundTimeout().toNanos();
    }

    /** The faults (and the adversary) of a schedule. */
    static FaultPlan planOf(long seed, int n) {
        Random r = new Random(seed);
        ElectionSettings settings = settings(r);
        long healAt = healAt(settings);
        return FaultPlan.random(
                r,
                n,
                settings.interval().toNanos(),
                settings.downtime().toNanos(),
                healAt,
                healAt + livenessWindow(settings));
    }

    /** Runs the schedule; throws an AssertionError naming the seed on any violation. */
    static Simulation run(long seed, int n, int traceLines) {
        return run(seed, n, traceLines, true, AdversaryPlan.every());
    }

    /**
     * A schedule whose adversary uses only these tactics, on a ring that authenticates or not (false only to show
     * what the adversary does without the seal).
     */
    static Simulation run(long seed, int n, int traceLines, boolean authenticated, Set<DatagramOrigin> tactics) {
        FaultPlan plan = planOf(seed, n);
        return run(new Simulation(
                seed,
                n,
                settingsOf(seed),
                plan.withAdversary(plan.adversary().only(tactics)),
                traceLines,
                authenticated));
    }

    private static Simulation run(Simulation sim) {
        long seed = sim.seed();
        long healAt = sim.plan().healAt();
        sim.runUntilTime(healAt);
        ElectionSettings settings = settingsOf(seed);
        sim.runUntilTime(healAt + livenessWindow(settings));
        long after =
                sim.checker().commitTimes().stream().filter(t -> t > healAt).count();
        if (after < ROUNDS_AFTER_HEALING) {
            sim.fail("LIVENESS: only " + after + " rounds committed in the " + livenessWindow(settings) / 1_000_000
                    + " ms after the faults stopped, expected " + ROUNDS_AFTER_HEALING);
        }
        return sim;
    }

    static ElectionSettings settingsOf(long seed) {
        return settings(new Random(seed));
    }
}
