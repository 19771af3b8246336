package io.ringlab.agent.routing;

import io.ringlab.protocol.FrameCodec;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Requests forwarded to a server and not yet answered, in slots found from the agent's own request id. Bounded: when
 * {@code capacity} requests are pending, new ones are refused. The first reply settles the slot, so a client never
 * gets two replies to one request, even when the request was sent to two servers.
 * <p>
 * Nothing is allocated per request: a slot is made the first time the table holds that many requests at once, and
 * reused after. A request's id is an unpredictable number (see {@link RequestIds}) whose lowest bits are replaced by
 * its slot's index, so a reply finds its slot with a mask; the slot keeps the whole id, and a reply whose id differs
 * in any bit (a late reply to an earlier occupant of the slot, a guess) finds nothing.
 * <p>
 * A slot's life: {@link #register} takes a free one; {@link #complete} (a reply) or {@link #expire} (the supervisor)
 * settles it, once; the one that settled it reads what it needs and then {@link #release}s it ({@link #expire} does
 * so itself). Registration and settling may happen on any threads.
 */
public class PendingRequests {

    private enum State {
        FREE,
        PENDING,
        SETTLED
    }

    /** Where a reply must go (the exact client, any host, IPv4 or IPv6, and its own id) and how it was sent. */
    public static final class Pending {

        private final int index;
        private State state = State.FREE;
        private long id;
        private InetSocketAddress client;
        private long clientRequestId;
        private boolean raw;
        private byte[] forwarded;
        private long firstSentNanos;
        private int server;
        /** Bit i set: the request was sent to server i (servers 0-63; beyond, only the current one is known). */
        private long tried;

        private long lastSentNanos;
        private int tries;
        /** The servers of the earlier tries and when each was sent (grown on a retry, kept for the slot's next use). */
        private int[] earlierServers = new int[0];

        private long[] earlierSentNanos = new long[0];
        private boolean putOff;

        private Pending(int index) {
            this.index = index;
        }

        private synchronized void occupy(
                long id,
                InetSocketAddress client,
                long clientRequestId,
                boolean raw,
                byte[] forwarded,
                int server,
                long nowNanos) {
            this.state = State.PENDING;
            this.id = id;
            this.client = client;
            this.clientRequestId = clientRequestId;
            this.raw = raw;
            this.forwarded = FrameCodec.rewriteRequestId(forwarded, id);
            this.server = server;
            this.tried = bit(server);
            this.firstSentNanos = nowNanos;
            this.lastSentNanos = nowNanos;
            this.tries = 1;
            this.putOff = false;
        }

        private static long bit(int server) {
            return server < Long.SIZE ? 1L << server : 0;
        }

        /** The agent's id of the request in this slot (also the id in its forwarded frame). */
        public synchronized long id() {
            return id;
        }

        synchronized boolean holds(long candidate) {
            return state == State.PENDING && id == candidate;
        }

        /** True if the request was sent to this server, on any try: only such a server's reply is taken. */
        public synchronized boolean sentTo(int candidate) {
            return candidate == server || (bit(candidate) & tried) != 0;
        }

        public synchronized InetSocketAddress client() {
            return client;
        }

        public synchronized long clientRequestId() {
            return clientRequestId;
        }

        public synchronized boolean raw() {
            return raw;
        }

        /** The request frame as sent to the servers, under the agent's id; sent again as it is on a retry. */
        public synchronized byte[] forwarded() {
            return forwarded;
        }

        public synchronized int server() {
            return server;
        }

        public synchronized long firstSentNanos() {
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
            for (int i = tries - 2; i >= 0; i--) {
                if (earlierServers[i] == candidate) {
                    return earlierSentNanos[i];
                }
            }
            return firstSentNanos;
        }

        /**
         * Moves the request under {@code expectedId} to another server, unless it was settled (answered or given up)
         * meanwhile; returns the server it leaves, or -1 when there is nothing to retry.
         */
        synchronized int resend(long expectedId, int toServer, long nowNanos) {
            if (!holds(expectedId)) {
                return -1;
            }
            int previous = server;
            if (earlierServers.length < tries) {
                earlierServers = java.util.Arrays.copyOf(earlierServers, tries + 2);
                earlierSentNanos = java.util.Arrays.copyOf(earlierSentNanos, tries + 2);
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

        /** Settles the request under {@code expectedId} if it is still pending; true for the one call that did. */
        private synchronized boolean settle(long expectedId) {
            if (!holds(expectedId)) {
                return false;
            }
            state = State.SETTLED;
            return true;
        }

        private synchronized boolean free() {
            if (state != State.SETTLED) {
                return false;
            }
            state = State.FREE;
            forwarded = null;
            client = null;
            return true;
        }
    }

    /** Visits a pending request: its id as it was when visited, and its slot. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long id, Pending entry);
    }

    private final Pending[] slots;
    private final long indexMask;
    private final LongSupplier ids;
    /** Indexes of released slots, used before fresh ones; guarded by {@code this}. */
    private final int[] freeSlots;

    private int freeCount;
    /** Slots below this index have been made; guarded by {@code this}. */
    private int made;

    private volatile int size;

    /**
     * @param ids the agent's request ids: unpredictable (see {@link RequestIds}), so that nobody who saw some of them
     *            can answer a request in a server's place; the lowest {@link #indexBits()} bits of each are replaced
     */
    public PendingRequests(int capacity, LongSupplier ids) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.slots = new Pending[capacity];
        this.freeSlots = new int[capacity];
        this.indexMask = (1L << indexBits(capacity)) - 1;
        this.ids = ids;
    }

    private static int indexBits(int capacity) {
        return capacity == 1 ? 0 : Integer.SIZE - Integer.numberOfLeadingZeros(capacity - 1);
    }

    /** How many of an id's 64 bits name its slot; the others are unpredictable. */
    int indexBits() {
        return Long.bitCount(indexMask);
    }

    /**
     * Takes a slot for a request; returns it (its {@link Pending#id()} is the id to forward the request under), or
     * {@code null} when the table is full.
     *
     * @param forwarded the request frame to send to the server, which gets the request's id written in (under the
     *                  slot's lock, so that a retry from another thread sends it whole); kept for retries, not copied,
     *                  not to be changed after
     */
    public Pending register(
            InetSocketAddress client, long clientRequestId, boolean raw, byte[] forwarded, int server, long nowNanos) {
        Pending slot = takeSlot();
        if (slot == null) {
            return null;
        }
        slot.occupy(
                (ids.getAsLong() & ~indexMask) | slot.index, client, clientRequestId, raw, forwarded, server, nowNanos);
        return slot;
    }

    private synchronized Pending takeSlot() {
        Pending slot;
        if (freeCount > 0) {
            slot = slots[freeSlots[--freeCount]];
        } else if (made < slots.length) {
            slot = new Pending(made);
            slots[made++] = slot;
        } else {
            return null;
        }
        size++;
        return slot;
    }

    /** The request under this id, still pending, without settling it; {@code null} if there is none. */
    public Pending peek(long id) {
        long index = id & indexMask;
        if (index >= slots.length) {
            return null;
        }
        // read without the table's lock: a slot is null or made (its index is final), and holds() synchronizes on it;
        // a slot made by another thread may not be seen yet, so a null is read again under the lock
        Pending slot = slots[(int) index];
        if (slot == null) {
            synchronized (this) {
                slot = slots[(int) index];
            }
        }
        return slot != null && slot.holds(id) ? slot : null;
    }

    /**
     * Settles the request if it is still this entry under this id; true if this call settled it. The caller reads what
     * it needs from the entry, then {@link #release}s it.
     */
    public boolean complete(long id, Pending entry) {
        return entry.settle(id);
    }

    /** Gives a slot settled by {@link #complete} back to the table; its entry is not to be read after. */
    public void release(Pending entry) {
        if (entry.free()) {
            synchronized (this) {
                freeSlots[freeCount++] = entry.index;
                size--;
            }
        }
    }

    /** Visits every pending request (for retries and expiry). */
    public void forEach(Visitor visitor) {
        int count;
        synchronized (this) {
            count = made;
        }
        for (int i = 0; i < count; i++) {
            Pending slot = slots[i];
            long id;
            synchronized (slot) {
                if (slot.state != State.PENDING) {
                    continue;
                }
                id = slot.id;
            }
            visitor.visit(id, slot);
        }
    }

    /** Settles and releases the request if it is still pending under this id; true if this call did. */
    public boolean expire(long id, Pending entry, Consumer<Pending> onExpired) {
        if (!entry.settle(id)) {
            return false;
        }
        try {
            onExpired.accept(entry);
        } finally {
            release(entry);
        }
        return true;
    }

    public int size() {
        return size;
    }
}
