package io.ringlab.election.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When the adversary ("mallory": on the network, not a ring member) injects datagrams, drawn from a schedule's
 * seed: nothing in a third of the schedules; else one to four bursts, from a flood (up to 150 datagrams within
 * 100 ms) to a trickle over a whole interval. Bursts fall anywhere in the faulty period and the liveness window
 * after it: the ring must keep electing while it is attacked.
 *
 * @param bursts the bursts, in no particular order
 */
public record AdversaryPlan(List<Burst> bursts) {

    /** {@code datagrams} injected at random times in {@code [from, to)}, nanos of simulated time. */
    public record Burst(long from, long to, int datagrams) {
    }

    private static final long MS = 1_000_000L;

    public static AdversaryPlan none() {
        return new AdversaryPlan(List.of());
    }

    public boolean isNone() {
        return bursts.isEmpty();
    }

    /** Draws bursts in {@code [0, until)}. */
    static AdversaryPlan random(Random r, long interval, long until) {
        if (r.nextInt(3) == 0) {
            return none();
        }
        List<Burst> bursts = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            long length = Math.max(100 * MS, (long) (r.nextDouble() * interval));
            long from = (long) (r.nextDouble() * (until - length));
            bursts.add(new Burst(from, from + length, 10 + r.nextInt(141)));
        }
        return new AdversaryPlan(bursts);
    }
}
