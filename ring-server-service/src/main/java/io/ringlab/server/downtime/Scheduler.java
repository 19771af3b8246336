package io.ringlab.server.downtime;

/** Runs a task once, after a delay on the clock the owner was given: a daemon thread in the service, a fake in tests. */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} in {@code delayNanos}; the returned handle cancels it if it has not run. */
    Cancellable schedule(Runnable task, long delayNanos);

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
