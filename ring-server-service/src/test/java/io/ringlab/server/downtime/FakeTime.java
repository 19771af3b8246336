package io.ringlab.server.downtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/** A clock that moves only when told, and a scheduler on it: a task runs when the clock passes its time. */
public final class FakeTime implements LongSupplier, Scheduler {

    private record Scheduled(long atNanos, long order, Runnable task) {}

    private final List<Scheduled> scheduled = new ArrayList<>();
    private long nowNanos;
    private long order;

    /** Starts at an arbitrary instant, as {@link System#nanoTime()} does. */
    public FakeTime(long startNanos) {
        this.nowNanos = startNanos;
    }

    @Override
    public long getAsLong() {
        return nowNanos;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        Scheduled entry = new Scheduled(nowNanos + delayNanos, order++, task);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    /** Moves the clock by {@code nanos}, running each task that falls due on the way, in time order. */
    public void advance(long nanos) {
        long until = nowNanos + nanos;
        while (true) {
            Scheduled next = scheduled.stream()
                    .filter(entry -> entry.atNanos() - until <= 0)
                    .min(Comparator.comparingLong((Scheduled entry) -> entry.atNanos() - until)
                            .thenComparingLong(Scheduled::order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            scheduled.remove(next);
            nowNanos = next.atNanos();
            next.task().run();
        }
        nowNanos = until;
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public int pending() {
        return scheduled.size();
    }
}
