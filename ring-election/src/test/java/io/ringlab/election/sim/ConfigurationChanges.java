package io.ringlab.election.sim;

import io.ringlab.election.ElectionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One seeded schedule of a ring whose size changes as a Kubernetes operator changes it: three servers grow to five
 * and shrink to three again, one pod restarted at a time with the ring's new member list, highest ordinal first (as
 * a StatefulSet's rolling update does), while the network loses, duplicates and delays messages and an operator
 * starts rounds on demand. In half the schedules the StatefulSet is scaled before the member list is edited, so the
 * two new pods first start with a list that does not name them, and take no part until they are restarted.
 *
 * <p>Safety is checked on every event (at most one server in planned downtime, whatever configurations they run);
 * liveness once all servers share the five-server list (a round commits) and once all share the three-server list
 * again (two rounds commit).
 */
final class ConfigurationChanges {

    private static final long MS = 1_000_000L;
    static final List<String> THREE = ids(3);
    static final List<String> FIVE = ids(5);

    /** A restart of one pod with a member list, at a time of the schedule. */
    record Step(long at, String node, List<String> members) {}

    /** The settings, faults and steps of one schedule; {@code grown} and {@code shrunk}: when each roll ended. */
    record Plan(
            ElectionSettings settings,
            FaultPlan faults,
            List<Step> steps,
            long grown,
            long shrinkFrom,
            long shrunk,
            boolean scaledFirst) {

        @Override
        public String toString() {
            return (scaledFirst ? "scaled before the list was edited" : "list edited before scaling") + ", grown at "
                    + grown / MS + " ms, shrink from " + shrinkFrom / MS + " ms, shrunk at " + shrunk / MS
                    + " ms, loss " + faults.drop() + ", advice loss " + faults.adviceDrop() + ", max delay "
                    + faults.maxDelay() / MS + " ms, " + faults.pokes().size() + " on-demand starts; steps "
                    + steps.stream()
                            .map(s -> s.at() / MS + " ms " + s.node().substring(10) + "->"
                                    + (s.members().contains(s.node())
                                            ? s.members().size()
                                            : "none"))
                            .toList();
        }
    }

    private ConfigurationChanges() {}

    static long seedFor(long base, int schedule) {
        return Schedules.seedFor(base ^ 0x5EED_C0F1_6L, 35, schedule);
    }

    /** Rounds commit again within this long once every server runs the same list. */
    static long livenessWindow(ElectionSettings s) {
        long hold = s.downtime().toNanos()
                + s.guard().toNanos()
                + 2 * s.probeInterval().toNanos();
        return hold + Schedules.livenessWindow(s);
    }

    static Plan planOf(long seed) {
        Random r = new Random(seed);
        ElectionSettings settings = Schedules.settings(r);
        long interval = settings.interval().toNanos();
        long downAndGuard = settings.downtime().toNanos() + settings.guard().toNanos();
        boolean scaledFirst = r.nextBoolean();
        List<Step> steps = new ArrayList<>();
        long at = interval / 2 + (long) (r.nextDouble() * 2 * interval);
        // grow: two pods added by the scale-up, then the rolling restart 4, 3, 2, 1, 0
        for (String added : List.of(FIVE.get(3), FIVE.get(4))) {
            steps.add(new Step(at, added, scaledFirst ? THREE : FIVE));
            at += gap(r, downAndGuard, interval);
        }
        for (int i = 4; i >= 0; i--) {
            steps.add(new Step(at, FIVE.get(i), FIVE));
            at += gap(r, downAndGuard, interval);
        }
        long grown = at;
        long window = livenessWindow(settings);
        long shrinkFrom = grown + window + (long) (r.nextDouble() * interval);
        at = shrinkFrom;
        // shrink: the list edited to three, the rolling restart 4, 3 (no longer members: they take no part), 2, 1, 0;
        // the scale-down then removes pods that are already silent
        for (int i = 4; i >= 0; i--) {
            steps.add(new Step(at, FIVE.get(i), THREE));
            at += gap(r, downAndGuard, interval);
        }
        long shrunk = at;
        double drop = pick(r, 0.0, 0.01, 0.1, 0.2);
        double adviceDrop = pick(r, 0.0, 0.0, 0.5);
        double duplicate = pick(r, 0.0, 0.05);
        long maxDelay = pick(r, 1 * MS, 5 * MS, 20 * MS);
        List<FaultPlan.Poke> pokes = new ArrayList<>();
        int pokeCount = r.nextInt(12);
        for (int i = 0; i < pokeCount; i++) {
            pokes.add(
                    new FaultPlan.Poke(r.nextInt(5), (long) (r.nextDouble() * shrunk), FaultPlan.Poke.Kind.START_NOW));
        }
        FaultPlan faults = new FaultPlan(
                drop,
                adviceDrop,
                duplicate,
                50_000,
                maxDelay,
                0,
                0,
                List.of(),
                List.of(),
                pokes,
                shrunk,
                AdversaryPlan.none());
        return new Plan(settings, faults, steps, grown, shrinkFrom, shrunk, scaledFirst);
    }

    /**
     * Runs the schedule; throws an AssertionError naming the seed on any violation.
     *
     * @param silentDrop drop messages of another configuration without telling the node: not safe, only to show it
     */
    static Simulation run(long seed, int traceLines, boolean silentDrop) {
        return run(seed, traceLines, silentDrop, false);
    }

    /**
     * @param partitioned lose every message between the servers of the old and of the new list while the five-server
     *                    list rolls out (the limit of the hold: not safe, only to show it)
     */
    static Simulation run(long seed, int traceLines, boolean silentDrop, boolean partitioned) {
        Plan plan = planOf(seed);
        Simulation sim = Simulation.growing(seed, 5, 3, plan.settings(), plan.faults(), traceLines);
        if (silentDrop) {
            sim.droppingOtherConfigurationsSilently();
        }
        for (Step step : plan.steps()) {
            sim.runUntilTime(step.at());
            if (partitioned && step.at() >= plan.grown()) {
                sim.partitionConfigurations(false);
                partitioned = false;
            }
            sim.restartWith(step.node(), step.members());
            if (partitioned && step.members().equals(FIVE) && step.node().equals(FIVE.get(2))) {
                sim.partitionConfigurations(true);
            }
        }
        // the steps run in time order; the liveness checks look back at the commit times
        long window = livenessWindow(plan.settings());
        sim.runUntilTime(plan.shrunk() + window);
        expectCommits(sim, plan, plan.grown(), plan.grown() + window, 1, "all five run the five-server list");
        expectCommits(sim, plan, plan.shrunk(), plan.shrunk() + window, 2, "all three run the three-server list");
        return sim;
    }

    private static void expectCommits(Simulation sim, Plan plan, long from, long to, int expected, String when) {
        long commits = sim.checker().commitTimes().stream()
                .filter(t -> t > from && t <= to)
                .count();
        if (commits < expected) {
            sim.fail("LIVENESS: " + commits + " rounds committed in the " + (to - from) / MS + " ms after " + when
                    + ", expected " + expected + "; plan: " + plan);
        }
    }

    private static long gap(Random r, long downAndGuard, long interval) {
        return switch (r.nextInt(3)) {
            case 0 -> 50 * MS + (long) (r.nextDouble() * 2_000 * MS);
            case 1 -> (long) (r.nextDouble() * 2 * downAndGuard);
            default -> (long) (r.nextDouble() * interval);
        };
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("localhost:" + (4242 + i));
        }
        return List.copyOf(ids);
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
