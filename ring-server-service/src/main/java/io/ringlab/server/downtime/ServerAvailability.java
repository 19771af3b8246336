package io.ringlab.server.downtime;

import io.ringlab.protocol.ServerState;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether this server is in planned downtime (or shutting down), and whether it still answers. A winner
 * first announces {@code d}, then keeps answering for a short drain so that the requests agents sent before
 * they heard the {@code d} are not lost, then answers nothing until it is up again.
 *
 * <p>Downtime has a {@link Reason}: the election, an operator, or shutdown. Reasons can overlap (a server an
 * operator took down can still win a round); the server is down while any holds, for as long as the longest,
 * and comes up when the last one ends. A reason that ends while another holds announces nothing.
 *
 * <p>Every state this server tells an agent is made here, under one lock with the change it reports, and
 * numbered in that order: a health answer read just before going down can never carry a newer sequence
 * than the {@code d} announcement. The sequence starts from this process's start time, so a restarted
 * server's states are newer than its previous life's.
 */
public class ServerAvailability {

    /** Why this server is down. */
    public enum Reason {
        /** it won a ring election; the ring holds down permits (leases) for it */
        ELECTION,
        /** an operator asked for it through REST */
        MANUAL,
        /** the service is stopping; it never comes back up */
        SHUTDOWN
    }

    private final Map<Reason, Long> downUntilNanos = new EnumMap<>(Reason.class);
    private volatile boolean down;
    private volatile long silentFromNanos;
    private long sequence = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());

    /**
     * Down for {@code reason} until {@code untilNanos}; returns the {@code d} to announce. A server that is
     * already down stays silent (or goes on draining): the drain starts only when it goes down.
     */
    synchronized ServerState goDown(Reason reason, long nowNanos, long drainNanos, long untilNanos) {
        if (!down) {
            silentFromNanos = nowNanos + drainNanos;
        }
        downUntilNanos.put(reason, untilNanos);
        down = true;
        return ServerState.down(++sequence, TimeUnit.NANOSECONDS.toMillis(remaining(nowNanos)));
    }

    /** {@code reason} is over; returns the {@code u} to announce, or {@code null} while another reason holds. */
    synchronized ServerState comeUp(Reason reason) {
        downUntilNanos.remove(reason);
        if (!down || !downUntilNanos.isEmpty()) {
            return null;
        }
        down = false;
        return ServerState.up(++sequence);
    }

    /** Shutting down: down from now on, answering only for the drain; returns the {@code d} to announce. */
    synchronized ServerState leave(long nowNanos, long drainNanos) {
        return goDown(Reason.SHUTDOWN, nowNanos, drainNanos, nowNanos);
    }

    /** This server's state now, as a health answer or for an agent that sent a request while it is down. */
    synchronized ServerState stateNow(long nowNanos) {
        return down
                ? ServerState.down(++sequence, TimeUnit.NANOSECONDS.toMillis(remaining(nowNanos)))
                : ServerState.up(++sequence);
    }

    public boolean isDown() {
        return down;
    }

    synchronized boolean isDownFor(Reason reason) {
        return downUntilNanos.containsKey(reason);
    }

    /**
     * The reason to show for the downtime, the strongest first: shutdown, then election (it cannot be ended
     * early), then manual; {@code null} when up.
     */
    public synchronized Reason reason() {
        for (Reason reason : new Reason[] {Reason.SHUTDOWN, Reason.ELECTION, Reason.MANUAL}) {
            if (downUntilNanos.containsKey(reason)) {
                return reason;
            }
        }
        return null;
    }

    /** True once the drain after going down is over: requests then go unanswered. */
    public boolean answersNothing(long nowNanos) {
        return down && nowNanos - silentFromNanos >= 0;
    }

    public synchronized long remainingNanos(long nowNanos) {
        return remaining(nowNanos);
    }

    private long remaining(long nowNanos) {
        long remaining = 0;
        for (long until : downUntilNanos.values()) {
            remaining = Math.max(remaining, until - nowNanos);
        }
        return remaining;
    }
}
