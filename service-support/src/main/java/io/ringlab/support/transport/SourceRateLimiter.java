package io.ringlab.support.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A per-source rate limit in constant memory: the generic cell rate algorithm (a token bucket kept as one
 * "theoretical arrival time" per slot) over a fixed table of slots, each source hashed to one. Sources that share a
 * slot share its rate, so a flood from many forged sources costs a real one at most its slot's share, and the table
 * never grows. Allocation-free; thread-safe.
 */
public final class SourceRateLimiter {

    private static final int SLOTS = 4096;

    private final long intervalNanos;
    private final long burstNanos;
    private final AtomicLongArray theoreticalArrival = new AtomicLongArray(SLOTS);

    /**
     * @param perSecond datagrams a second each source may send, on average; 0 for no limit
     * @param burst     datagrams a source may send at once above that rate
     */
    public SourceRateLimiter(int perSecond, int burst) {
        this.intervalNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        this.burstNanos = intervalNanos * Math.max(0, burst - 1);
    }

    /** True if a datagram from {@code source} at {@code nowNanos} is within the rate; then it is counted. */
    public boolean allow(InetSocketAddress source, long nowNanos) {
        if (intervalNanos == 0) {
            return true;
        }
        int slot = slot(source);
        while (true) {
            long arrival = theoreticalArrival.get(slot);
            long base = arrival == 0 || arrival - nowNanos < 0 ? nowNanos : arrival;
            if (base - nowNanos > burstNanos) {
                return false;
            }
            if (theoreticalArrival.compareAndSet(slot, arrival, base + intervalNanos)) {
                return true;
            }
        }
    }

    private static int slot(InetSocketAddress source) {
        int hash = source.hashCode() * 0x9E3779B9;
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
