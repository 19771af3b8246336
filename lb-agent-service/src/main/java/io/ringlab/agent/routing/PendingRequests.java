package io.ringlab.agent.routing;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
        /** Bit i set: the request was sent to server i (servers 0-63; beyond, only the current one is known). */
        private long tried;
        private long lastSentNanos;
        private int tries = 1;
        /** The servers of the earlier tries and when each was sent, once the request is retried; else null. */
        private int[] earlierServers;
        private long[] earlierSentNanos;
        private boolean settled;
        private boolean putOff;

        Pending(InetSocketAddress client, long clientRequestId, boolean raw, byte[] forwarded, int server, long nowNanos) {
            this.client = client;
            this.clientRequestId = clientRequestId;
            this.raw = raw;
            this.forwarded = forwarded;
            this.server = server;
            this.tried = bit(server);
            this.firstSentNanos = nowNanos;
            this.lastSentNanos = nowNanos;
        }

        private static long bit(int server) {
            return server < Long.SIZE ? 1L << server : 0;
        }

        /** True if the request was sent to this server, on any try: only such a server's reply is taken. */
        public synchronized boolean sentTo(int candidate) {
            return candidate == server || (bit(candidate) & tried) != 0;
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

        /** When the latest try to this server was sent (the first try's time for a server it was never sent to). */
        public synchronized long sentNanosTo(int candidate) {
            if (candidate == server) {
                return lastSentNanos;
            }
            for (int i = tries - 2; i >= 0 && earlierServers != null; i--) {
                if (earlierServers[i] == candidate) {
                    return earlierSentNanos[i];
                }
            }
            return firstSentNanos;
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
            if (earlierServers == null || earlierServers.length < tries) {
                earlierServers = Arrays.copyOf(earlierServers == null ? new int[0] : earlierServers, tries + 2);
                earlierSentNanos = Arrays.copyOf(earlierSentNanos == null ? new long[0] : earlierSentNanos,
                        tries + 2);
            }
            earlierServers[tries - 1] = previous;
            earlierSentNanos[tries - 1] = lastSentNanos;
            server = toServer;
            tried |= bit(toServer);
            lastSentNanos = nowNanos;
            tries++;
            return previous;
        }

        /** Notes that a retry of this request was put off (no room in the retry budget); true the first time. */
        synchronized boolean putOff() {
            boolean first = !putOff;
            putOff = true;
            return first;
        }

        /** Marks the request answered or given up; returns the server it is out with now. Once. */
        synchronized int settle() {
            settled = true;
            return server;
        }
    }

    /** What became of {@link #register}. */
    public enum Registration { REGISTERED, FULL, ID_TAKEN }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongSupplier ids;
    private final int capacity;

    /**
     * @param ids the agent's request ids: unpredictable (see {@link RequestIds}), so that nobody who saw some of them
     *            can answer a request in a server's place
     */
    public PendingRequests(int capacity, LongSupplier ids) {
        this.capacity = capacity;
        this.ids = ids;
    }

    /** The agent's id for the next request. */
    public long nextId() {
        return ids.getAsLong();
    }

    /**
     * Registers a request under an id from {@link #nextId}; registers nothing when the table is full, or when the id
     * is already pending (draw another).
     *
     * @param forwarded the request frame as sent to the server (kept for retries; not copied, not to be changed)
     */
    public Registration register(long id, InetSocketAddress client, long clientRequestId, boolean raw,
                                 byte[] forwarded, int server, long nowNanos) {
        int current;
        do {
            current = size.get();
            if (current >= capacity) {
                return Registration.FULL;
            }
        } while (!size.compareAndSet(current, current + 1));
        if (pending.putIfAbsent(id, new Pending(client, clientRequestId, raw, forwarded, server, nowNanos)) != null) {
            size.decrementAndGet();
            return Registration.ID_TAKEN;
        }
        return Registration.REGISTERED;
    }

    /**
     * The request under this id, still pending, without removing it; {@code null} if there is none. The id is boxed by
     * the caller, once for this and {@link #complete(Long, Pending)}.
     */
    public Pending peek(Long id) {
        return pending.get(id);
    }

    /** Removes the request if it is still this entry; true if this call removed it. */
    public boolean complete(Long id, Pending entry) {
        if (pending.remove(id, entry)) {
            size.decrementAndGet();
            return true;
        }
        return false;
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
