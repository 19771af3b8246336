package io.ringlab.agent.routing;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests forwarded to a server and not yet answered, keyed by the agent's own request id. Bounded:
 * when {@code capacity} requests are pending, new ones are refused. Entries older than the timeout are
 * removed by {@link #expire(long)}, so a late reply finds nothing and is dropped.
 */
public class PendingRequests {

    /** Where a reply must go: the exact client (any host, IPv4 or IPv6) and its own request id. */
    public record Pending(InetSocketAddress client, long clientRequestId, boolean raw, int server, long sentNanos) {
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong nextId;
    private final int capacity;
    private final long timeoutNanos;

    /** @param firstId where ids start; random per run, so that replies meant for an earlier run are not matched */
    public PendingRequests(int capacity, long timeoutNanos, long firstId) {
        this.capacity = capacity;
        this.timeoutNanos = timeoutNanos;
        this.nextId = new AtomicLong(firstId);
    }

    /** Registers a request and returns the id to forward it with, or {@code -1} when the table is full. */
    public long register(InetSocketAddress client, long clientRequestId, boolean raw, int server, long nowNanos) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return -1;
        }
        long id;
        do {
            id = nextId.getAndIncrement();
        } while (id == -1);
        pending.put(id, new Pending(client, clientRequestId, raw, server, nowNanos));
        return id;
    }

    /** Removes and returns the request this reply answers, or {@code null} if it is unknown or expired. */
    public Pending complete(long id) {
        Pending removed = pending.remove(id);
        if (removed != null) {
            size.decrementAndGet();
        }
        return removed;
    }

    /** Forgets requests sent more than the timeout ago; returns how many. */
    public int expire(long nowNanos) {
        int expired = 0;
        for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Pending> entry = it.next();
            if (nowNanos - entry.getValue().sentNanos() > timeoutNanos && pending.remove(entry.getKey(), entry.getValue())) {
                size.decrementAndGet();
                expired++;
            }
        }
        return expired;
    }

    public int size() {
        return size.get();
    }
}
