package io.ringlab.election.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the adversary ("mallory": on the network, not a ring member) injects datagrams, and what kinds, drawn from a
 * schedule's seed: nothing in a third of the schedules; else one to four bursts, from a flood (up to 150 datagrams
 * within 100 ms) to a trickle over a whole interval. Bursts fall anywhere in the faulty period and the liveness
 * window after it: the ring must keep electing while it is attacked.
 *
 * @param bursts  the bursts, in no particular order
 * @param tactics the kinds of datagram mallory makes (every adversary origin unless a test narrows them)
 */
public record AdversaryPlan(List<Burst> bursts, Set<DatagramOrigin> tactics) {

    /** {@code datagrams} injected at random times in {@code [from, to)}, nanos of simulated time. */
    public record Burst(long from, long to, int datagrams) {}

    private static final long MS = 1_000_000L;

    public AdversaryPlan {
        bursts = List.copyOf(bursts);
        tactics = Set.copyOf(tactics);
        if (tactics.contains(DatagramOrigin.GENUINE)) {
            throw new IllegalArgumentException("mallory sends no genuine datagram");
        }
    }

    public static AdversaryPlan none() {
        return new AdversaryPlan(List.of(), every());
    }

    public boolean isNone() {
        return bursts.isEmpty();
    }

    /** The same bursts, with only these kinds of datagram. */
    public AdversaryPlan only(Set<DatagramOrigin> narrowed) {
        return new AdversaryPlan(bursts, narrowed);
    }

    public boolean usesEveryTactic() {
        return tactics.equals(every());
    }

    /** The tactics as {@code -Dringlab.sim.tactics} takes them. */
    String tacticsProperty() {
        return tactics.stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(","));
    }

    static Set<DatagramOrigin> parseTactics(String property) {
        Set<DatagramOrigin> tactics = EnumSet.noneOf(DatagramOrigin.class);
        for (String name : property.split(",")) {
            tactics.add(DatagramOrigin.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return tactics;
    }

    static Set<DatagramOrigin> every() {
        return EnumSet.complementOf(EnumSet.of(DatagramOrigin.GENUINE));
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
        return new AdversaryPlan(bursts, every());
    }
}
