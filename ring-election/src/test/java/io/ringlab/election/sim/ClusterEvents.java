package io.ringlab.election.sim;

import io.ringlab.election.RingListener;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.RoundId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What the nodes of a cluster reported through their listeners, with one clock for all (virtual time in
 * the simulation, {@code System.nanoTime()} on real UDP). Thread-safe, so a UDP cluster can share it.
 */
public final class ClusterEvents {

    /** A node finished a round. */
    public record Completion(String node, RoundOutcome outcome, long at) {}

    private final LongSupplier clock;
    private final List<Completion> completions = new ArrayList<>();
    private final Map<RoundId, Map<String, Long>> values = new HashMap<>();
    private final Set<String> down = new LinkedHashSet<>();
    private int maxDownAtOnce;
    private int wentDown;
    private int cameUp;

    public ClusterEvents(LongSupplier clock) {
        this.clock = clock;
    }

    /** The listener to give node {@code node}. */
    public RingListener listenerFor(String node) {
        return new RingListener() {
            @Override
            public void wentDown(RoundId round, long untilNanos) {
                onDown(node);
            }

            @Override
            public void cameUp(RoundId round, long nowNanos) {
                onUp(node);
            }

            @Override
            public void roundCompleted(RoundOutcome outcome) {
                onCompleted(node, outcome);
            }

            @Override
            public void joinedRound(RoundId round, long value, boolean candidate) {
                onJoined(node, round, value, candidate);
            }
        };
    }

    /** A node crashed: it is no longer down (a crash ends a planned downtime). */
    public synchronized void crashed(String node) {
        down.remove(node);
    }

    public synchronized List<Completion> completions() {
        return List.copyOf(completions);
    }

    /** Completions after {@code since} on the events clock. */
    public synchronized List<Completion> completionsSince(long since) {
        return completions.stream().filter(c -> c.at() > since).toList();
    }

    /** The value each candidate drew in {@code round}. */
    public synchronized Map<String, Long> values(RoundId round) {
        return Map.copyOf(values.getOrDefault(round, Map.of()));
    }

    public synchronized Set<String> downNow() {
        return Set.copyOf(down);
    }

    public synchronized int maxDownAtOnce() {
        return maxDownAtOnce;
    }

    public synchronized int wentDownCount() {
        return wentDown;
    }

    public synchronized int cameUpCount() {
        return cameUp;
    }

    public long now() {
        return clock.getAsLong();
    }

    private synchronized void onDown(String node) {
        wentDown++;
        down.add(node);
        maxDownAtOnce = Math.max(maxDownAtOnce, down.size());
    }

    private synchronized void onUp(String node) {
        cameUp++;
        down.remove(node);
    }

    private synchronized void onCompleted(String node, RoundOutcome outcome) {
        completions.add(new Completion(node, outcome, clock.getAsLong()));
    }

    private synchronized void onJoined(String node, RoundId round, long value, boolean candidate) {
        if (candidate) {
            values.computeIfAbsent(round, r -> new HashMap<>()).put(node, value);
        }
    }
}
