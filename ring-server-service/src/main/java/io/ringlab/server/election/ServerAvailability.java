package io.ringlab.server.election;

import io.ringlab.protocol.ServerState;

import java.util.concurrent.TimeUnit;

/**
 * Whether this server is in planned downtime (or shutting down), and whether it still answers. A winner
 * first announces {@code d}, then keeps answering for a short drain so that the requests agents sent before
 * they heard the {@code d} are not lost, then answers nothing until it is up again.
 *
 * <p>Every state this server tells an agent is made here, under one lock with the change it reports, and
 * numbered in that order: a health answer read just before going down can never carry a newer sequence
 * than the {@code d} announcement. The sequence starts from this process's start time, so a restarted
 * server's states are newer than its previous life's.
 */
public class ServerAvailability {

    private volatile boolean down;
    private volatile long silentFromNanos;
    private boolean leaving;
    private long downUntilNanos;
    private long sequence = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());

    /** Goes down until {@code untilNanos}, still answering for {@code drainNanos}; returns the {@code d} to announce. */
    synchronized ServerState goDown(long nowNanos, long drainNanos, long untilNanos) {
        silentFromNanos = nowNanos + drainNanos;
        downUntilNanos = untilNanos;
        down = true;
        return ServerState.down(++sequence, TimeUnit.NANOSECONDS.toMillis(remaining(nowNanos)));
    }

    /** Back up; returns the {@code u} to announce, or {@code null} when shutting down. */
    synchronized ServerState comeUp() {
        if (leaving) {
            return null;
        }
        down = false;
        return ServerState.up(++sequence);
    }

    /** Shutting down: down from now on, answering only for the drain; returns the {@code d} to announce. */
    synchronized ServerState leave(long nowNanos, long drainNanos) {
        leaving = true;
        return goDown(nowNanos, drainNanos, nowNanos);
    }

    /** This server's state now, as a health answer or for an agent that sent a request while it is down. */
    synchronized ServerState stateNow(long nowNanos) {
        return down ? ServerState.down(++sequence, TimeUnit.NANOSECONDS.toMillis(remaining(nowNanos)))
                : ServerState.up(++sequence);
    }

    public boolean isDown() {
        return down;
    }

    /** True once the drain after going down is over: requests then go unanswered. */
    public boolean answersNothing(long nowNanos) {
        return down && nowNanos - silentFromNanos >= 0;
    }

    public synchronized long remainingNanos(long nowNanos) {
        return remaining(nowNanos);
    }

    private long remaining(long nowNanos) {
        return down ? Math.max(0, downUntilNanos - nowNanos) : 0;
    }
}
