package io.ringlab.launcher.lab.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults of a run, given on the command line or live, and when each starts and ends. It does nothing itself:
 * {@link #due} says which faults start or end by a moment, and the caller makes them happen. Times are nanoseconds
 * on the caller's clock.
 */
public final class FaultSchedule {

    private final List<Fault> faults = new ArrayList<>();
    private int lastId;

    /** A fault and its life: scheduled, active, then ended. */
    public static final class Fault {
        private final int id;
        private final FaultSpec spec;
        private final long startNanos;
        private long endNanos;
        private State state = State.SCHEDULED;
        private boolean started;

        public enum State {
            SCHEDULED,
            ACTIVE,
            ENDED
        }

        Fault(int id, FaultSpec spec, long startNanos, long endNanos) {
            this.id = id;
            this.spec = spec;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
        }

        public int id() {
            return id;
        }

        public FaultSpec spec() {
            return spec;
        }

        public FaultAction action() {
            return spec.action();
        }

        public long startNanos() {
            return startNanos;
        }

        /** {@code Long.MAX_VALUE} until healed, for a fault without a duration. */
        public long endNanos() {
            return endNanos;
        }

        public State state() {
            return state;
        }

        /** Whether it ever came into force (a scheduled fault healed before its start never does). */
        public boolean started() {
            return started;
        }
    }

    /** A fault that starts or ends. */
    public record Transition(Fault fault, boolean starts) {}

    /** Adds a fault that starts {@code spec.at()} after {@code nowNanos}. */
    public synchronized Fault add(FaultSpec spec, long nowNanos) {
        long start = nowNanos + spec.at().toNanos();
        long end = spec.duration() == null
                ? Long.MAX_VALUE
                : start + spec.duration().toNanos();
        Fault fault = new Fault(++lastId, spec, start, end);
        faults.add(fault);
        return fault;
    }

    /** The faults that start or end by {@code nowNanos}, in time order (an end before a start at the same time). */
    public synchronized List<Transition> due(long nowNanos) {
        List<Transition> transitions = new ArrayList<>();
        for (Fault fault : faults) {
            if (fault.state == Fault.State.SCHEDULED && fault.startNanos <= nowNanos) {
                fault.state = Fault.State.ACTIVE;
                fault.started = true;
                transitions.add(new Transition(fault, true));
            }
            if (fault.state == Fault.State.ACTIVE && fault.endNanos <= nowNanos) {
                fault.state = Fault.State.ENDED;
                transitions.add(new Transition(fault, false));
            }
        }
        transitions.sort((a, b) -> {
            long at = a.starts ? a.fault.startNanos : a.fault.endNanos;
            long bt = b.starts ? b.fault.startNanos : b.fault.endNanos;
            return at != bt ? Long.compare(at, bt) : Boolean.compare(a.starts, b.starts);
        });
        return transitions;
    }

    /** Ends a fault now (an active one ends at the next {@link #due}, a scheduled one never starts). */
    public synchronized boolean heal(int id, long nowNanos) {
        for (Fault fault : faults) {
            if (fault.id == id && fault.state != Fault.State.ENDED) {
                end(fault, nowNanos);
                return true;
            }
        }
        return false;
    }

    /** Ends every fault, active or scheduled. */
    public synchronized void healAll(long nowNanos) {
        faults.stream().filter(f -> f.state != Fault.State.ENDED).forEach(f -> end(f, nowNanos));
    }

    private static void end(Fault fault, long nowNanos) {
        if (fault.state == Fault.State.SCHEDULED) {
            fault.state = Fault.State.ENDED;
            fault.endNanos = nowNanos;
        } else {
            fault.endNanos = Math.min(fault.endNanos, nowNanos);
        }
    }

    /** When the next start or end is due; {@code Long.MAX_VALUE} when none is. */
    public synchronized long nextEventNanos() {
        long next = Long.MAX_VALUE;
        for (Fault fault : faults) {
            if (fault.state == Fault.State.SCHEDULED) {
                next = Math.min(next, fault.startNanos);
            } else if (fault.state == Fault.State.ACTIVE) {
                next = Math.min(next, fault.endNanos);
            }
        }
        return next;
    }

    public synchronized List<Fault> active() {
        return faults.stream().filter(f -> f.state == Fault.State.ACTIVE).toList();
    }

    public synchronized List<Fault> all() {
        return List.copyOf(faults);
    }
}
