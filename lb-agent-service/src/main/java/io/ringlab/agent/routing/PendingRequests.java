package io.ringlab.agent.routing;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Requests forwarded to a server and not yet answered, keyed by the agent's own request id. Bounded: when
 * {@code capacity} requests are pending, new ones are refused. The first reply removes the entry, so a
 * client never gets two replies to one request, even when the request was sent to two servers.
 */
public class PendingRequests {

    /** Where a reply must go (the exact client, any host, IPv4 or IPv6, and its own id) and how it was sent. */
    public static final class Pending {

        private final InetSocketAddress client;
        private final long clientRequestId;
        private final boolean raw;
        private final byte[] forwarded;
        private final long firstSentNanos;
        private int server;
        private long lastSentNanos;
        private int tries = 1;
        private boolean settled;

        Pending(InetSocketAddress client, long clientRequestId, boolean raw, byte[] forwarded, int server, long nowNanos) {
            this.client = client;
            this.clientRequestId = clientRequestId;
            this.raw = raw;
            this.forwarded = forwarded;
            this.server = server;
            this.firstSentNanos = nowNanos;
            this.lastSentNanos = nowNanos;
        }

        public InetSocketAddress client() {
            return client;
        }

        public long clientRequestId() {
            return clientRequestId;
        }

        public boolean raw() {
            return raw;
        }

        /** The request frame as sent to the servers, under the agent's id; sent again as it is on a retry. */
        public byte[] forwarded() {
            return forwarded;
        }

        public synchronized int server() {
            return server;
        }

        public long firstSentNanos() {
            return firstSentNanos;
        }

        public synchronized long lastSentNanos() {
            return lastSentNanos;
        }

        public synchronized int tries() {
            return tries;
        }

        /**
         * Moves the request to another server, unless it was settled (answered or given up) meanwhile;
         * returns the server it leaves, or -1 when there is nothing to retry.
         */
        synchronized int resend(int toServer, long nowNanos) {
            if (settled) {
                return -1;
            }
            int previous = server;
            server = toServer;
            lastSentNanos = nowNanos;
            tries++;
            return previous;
        }

        /** Marks the request answered or given up; returns the server it is out with now. Once. */
        synchronized int settle() {
            settled = true;
            return server;
        }
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong nextId;
    private final int capacity;

    /** @param firstId where ids start; random per run, so that replies meant for an earlier run are not matched */
    public PendingRequests(int capacity, long firstId) {
        this.capacity = capacity;
        this.nextId = new AtomicLong(firstId);
    }

    /** The agent's id for the next request (never -1). */
    public long nextId() {
        long id;
        do {
            id = nextId.getAndIncrement();
        } while (id == -1);
        return id;
    }

    /**
     * Registers a request under an id from {@link #nextId}; false, registering nothing, when the table is full.
     *
     * @param forwarded the request frame as sent to the server (kept for retries; not copied, not to be changed)
     */
    public boolean register(long id, InetSocketAddress client, long clientRequestId, boolean raw, byte[] forwarded,
                            int server, long nowNanos) {
        int current;
        do {
            current = size.get();
            if (current >= capacity) {
                return false;
            }
        } while (!size.compareAndSet(current, current + 1));
        pending.put(id, new Pending(client, clientRequestId, raw, forwarded, server, nowNanos));
        return true;
    }

    /** Removes and returns the request this reply answers, or {@code null} if it is unknown, answered or expired. */
    public Pending complete(long id) {
        Pending removed = pending.remove(id);
        if (removed != null) {
            size.decrementAndGet();
        }
        return removed;
    }

    /** Visits every pending request with its id (for retries and expiry). */
    public void forEach(java.util.function.BiConsumer<Long, Pending> visitor) {
        pending.forEach(visitor);
    }

    /** Removes the request if it is still pending; true if this call removed it. */
    public boolean expire(long id, Pending entry, Consumer<Pending> onExpired) {
        if (pending.remove(id, entry)) {
            size.decrementAndGet();
            onExpired.accept(entry);
            return true;
        }
        return false;
    }

    public int size() {
        return size.get();
    }
}
