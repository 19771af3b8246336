package io.ringlab.election.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults of one simulated schedule, all drawn from its seed. Faults happen before {@code healAt};
 * after it the network is reliable with delays of at most 5 ms (messages already delayed still arrive
 * late), no node is paused, and every crashed node but a permanently crashed one has restarted.
 *
 * @param drop       probability that a message is lost
 * @param adviceDrop probability that a {@code d}, {@code u} or {@code v} is lost (on top of {@code drop}):
 *                   without that advice only the leases keep two winners from being down at once
 * @param duplicate  probability that a message is delivered twice
 * @param minDelay   shortest delivery delay, nanos
 * @param maxDelay   longest ordinary delivery delay, nanos (uniform in between: messages reorder)
 * @param longDelay  probability that a message is held back up to {@code longDelayMax} (stale on arrival)
 * @param crashes    crash-and-restart events (restartAt = Long.MAX_VALUE: the node stays crashed)
 * @param isolations windows in which every message to or from a node is lost (it looks crashed but is not)
 * @param pokes      on-demand starts and pause/resume calls during the faulty period
 * @param healAt     when the faults stop, nanos of simulated time
 * @param adversary  when a host that is not a ring member injects forged, replayed and mutated datagrams; its
 *                   bursts go on after {@code healAt}, until the end of the run
 */
public record FaultPlan(
        double drop,
        double adviceDrop,
        double duplicate,
        long minDelay,
        long maxDelay,
        double longDelay,
        long longDelayMax,
        List<Crash> crashes,
        List<Isolation> isolations,
        List<Poke> pokes,
        long healAt,
        AdversaryPlan adversary) {

    /** Node {@code node} crashes at {@code at} and restarts as a fresh instance at {@code restartAt}. */
    public record Crash(int node, long at, long restartAt) {}

    public record Isolation(int node, long from, long to) {}

    /** An operator's call at {@code at}: start a round now, pause or resume periodic rounds. */
    public record Poke(int node, long at, Kind kind) {
        public enum Kind {
            START_NOW,
            PAUSE,
            RESUME
        }
    }

    private static final long MS = 1_000_000L;

    /** A reliable network with small random delays (reordering across links only), and no adversary. */
    public static FaultPlan none(long healAt) {
        return new FaultPlan(
                0, 0, 0, 50_000, 5 * MS, 0, 0, List.of(), List.of(), List.of(), healAt, AdversaryPlan.none());
    }

    /** The same faults with another adversary. */
    public FaultPlan withAdversary(AdversaryPlan other) {
        return new FaultPlan(
                drop,
                adviceDrop,
                duplicate,
                minDelay,
                maxDelay,
                longDelay,
                longDelayMax,
                crashes,
                isolations,
                pokes,
                healAt,
                other);
    }

    /** Only message loss, at this rate. */
    public static FaultPlan loss(double drop, long healAt) {
        return new FaultPlan(
                drop, 0, 0, 50_000, 5 * MS, 0, 0, List.of(), List.of(), List.of(), healAt, AdversaryPlan.none());
    }

    /** No loss, no crash, and delays far below the retransmit timeouts (so no one is skipped by mistake). */
    public boolean isFaultFree() {
        return maxDelay <= 5 * MS
                && drop == 0
                && adviceDrop == 0
                && duplicate == 0
                && longDelay == 0
                && crashes.isEmpty()
                && isolations.isEmpty();
    }

    /**
     * Draws a plan; {@code healAt} is the end of the faulty period, {@code end} the end of the run. The adversary's
     * bursts are drawn last, so the other faults of a seed are what they were before there was an adversary.
     */
    public static FaultPlan random(Random r, int n, long interval, long downtime, long healAt, long end) {
        if (r.nextInt(8) == 0) {
            return none(healAt);
        }
        double drop = pick(r, 0.0, 0.01, 0.1, 0.3);
        double adviceDrop = pick(r, 0.0, 0.0, 0.5, 1.0);
        double duplicate = pick(r, 0.0, 0.05, 0.2);
        long maxDelay = pick(r, 1 * MS, 20 * MS, 200 * MS);
        double longDelay = pick(r, 0.0, 0.0, 0.005, 0.02);
        long longDelayMax = 3 * interval;
        List<Crash> crashes = new ArrayList<>();
        int crashCount = r.nextInt(5);
        for (int i = 0; i < crashCount; i++) {
            long at = (long) (r.nextDouble() * healAt * 0.9);
            long restartAt = at + 50 * MS + (long) (r.nextDouble() * 2 * downtime);
            crashes.add(new Crash(r.nextInt(n), at, Math.min(restartAt, healAt)));
        }
        if (r.nextInt(6) == 0) {
            crashes.add(new Crash(r.nextInt(n), (long) (r.nextDouble() * healAt), Long.MAX_VALUE));
        }
        List<Isolation> isolations = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            long from = (long) (r.nextDouble() * healAt * 0.9);
            isolations.add(new Isolation(
                    r.nextInt(n), from, Math.min(healAt, from + (long) (r.nextDouble() * downtime))));
        }
        List<Poke> pokes = new ArrayList<>();
        int pokeCount = r.nextInt(20);
        for (int i = 0; i < pokeCount; i++) {
            Poke.Kind kind = r.nextInt(4) != 0 ? Poke.Kind.START_NOW : Poke.Kind.values()[1 + r.nextInt(2)];
            pokes.add(new Poke(r.nextInt(n), (long) (r.nextDouble() * healAt), kind));
        }
        AdversaryPlan adversary = AdversaryPlan.random(r, interval, end);
        return new FaultPlan(
                drop,
                adviceDrop,
                duplicate,
                50_000,
                maxDelay,
                longDelay,
                longDelayMax,
                crashes,
                isolations,
                pokes,
                healAt,
                adversary);
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
