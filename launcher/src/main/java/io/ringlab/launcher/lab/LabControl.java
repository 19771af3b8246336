package io.ringlab.launcher.lab;

import io.ringlab.launcher.lab.check.Verdict;
import io.ringlab.launcher.lab.fault.FaultSchedule.Fault;
import io.ringlab.model.lab.LabEvent;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the launcher's REST offers of a lab run: faults given live, healed, listed; the checker's verdict; events.
 * Every change names who made it ({@code by}), for the event log.
 */
public interface LabControl {

    /**
     * A fault as the REST shows it.
     *
     * @param state            {@code scheduled}, {@code active}, {@code ended}, or {@code cancelled} (healed before
     *                         it started)
     * @param startSeconds     when it starts (or started), since the load started
     * @param endSeconds       when it ends (or ended); null until healed, for a fault without a duration
     * @param startEpochMillis the same moments on the wall clock
     * @param remainingSeconds for an active fault with an end: how long it has left; else null
     * @param givenBy          who gave it live; null for a fault of the command line
     */
    record FaultView(
            int id,
            String fault,
            String kind,
            String state,
            double startSeconds,
            Double endSeconds,
            long startEpochMillis,
            Long endEpochMillis,
            Double remainingSeconds,
            String givenBy) {

        public boolean started() {
            return state.equals("active") || state.equals("ended");
        }

        /**
         * A fault of a schedule as the REST shows it, at {@code nowNanos} (the schedule's clock), which is
         * {@code nowMillis} on the wall clock; {@code startNanos} is when the load started.
         */
        public static FaultView of(Fault fault, String givenBy, long startNanos, long nowNanos, long nowMillis) {
            boolean open = fault.endNanos() == Long.MAX_VALUE;
            String state = fault.state() == Fault.State.ENDED && !fault.started()
                    ? "cancelled"
                    : fault.state().name().toLowerCase(Locale.ROOT);
            Double remaining = fault.state() == Fault.State.ACTIVE && !open
                    ? Math.max(0, fault.endNanos() - nowNanos) / 1e9
                    : null;
            return new FaultView(
                    fault.id(),
                    fault.action().toString(),
                    fault.action().kind(),
                    state,
                    (fault.startNanos() - startNanos) / 1e9,
                    open ? null : (fault.endNanos() - startNanos) / 1e9,
                    wallClock(fault.startNanos(), nowNanos, nowMillis),
                    open ? null : wallClock(fault.endNanos(), nowNanos, nowMillis),
                    remaining,
                    givenBy);
        }

        private static long wallClock(long nanos, long nowNanos, long nowMillis) {
            return nowMillis + TimeUnit.NANOSECONDS.toMillis(nanos - nowNanos);
        }
    }

    /** Schedules a fault given as text ({@code for 20s partition server-1}); throws FaultSpecException when wrong. */
    FaultView inject(String spec, String by);

    /** Ends one fault now; false when there is no such fault, or it has ended. */
    boolean heal(int id, String by);

    /** Ends every fault now. */
    void healAll(String by);

    List<FaultView> faults();

    /** The verdict so far; null when the checker is off. */
    Verdict verdict();

    List<LabEvent> events();
}
