package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.ServerView;
import io.ringlab.protocol.HostAndPort;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's servers, in a table of slots indexed as every per-server array of the agent (health checks, outlier
 * detection, the requests' record of where they were sent) is. Configured servers fill the table in configured (ring)
 * order, for good. Discovered servers take a free slot when they appear; when they disappear they leave rotation but
 * keep their slot until it has drained: no request in flight to them, and a whole request timeout gone since they
 * left, so that no pending request can still name the slot when another server takes it. The table's capacity is
 * fixed, so the data path never allocates nor waits for a change.
 */
public class Backends implements ServerView {

    /** Told of servers as they take a slot and give it back (metrics). */
    public interface Listener {

        void added(Backend backend);

        void removed(Backend backend);
    }

    /** The most servers a table can hold: a pending request records the servers it was sent to in 64 bits. */
    public static final int MAX_CAPACITY = Long.SIZE;

    private final AtomicReferenceArray<Backend> slots;
    /** One past the highest slot in use: strategies look no further. */
    private volatile int size;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder panics = new LongAdder();
    private final ServerView notDown = new ServerView() {
        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isUp(int index) {
            Backend backend = slots.get(index);
            return backend != null && backend.checked() && backend.announcedUp() && !backend.leaving();
        }

        @Override
        public int outstanding(int index) {
            return Backends.this.outstanding(index);
        }

        @Override
        public long latencyEwmaNanos(int index) {
            return Backends.this.latencyEwmaNanos(index);
        }

        @Override
        public int weight(int index) {
            return Backends.this.weight(index);
        }
    };

    /** @param weights one per server for weighted round robin; empty for all 1 */
    public Backends(List<HostAndPort> servers, List<Integer> weights) {
        if (!weights.isEmpty() && weights.size() != servers.size()) {
            throw new IllegalArgumentException(
                    "weights: " + weights.size() + " given for " + servers.size() + " servers");
        }
        this.slots = new AtomicReferenceArray<>(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            slots.set(i, new Backend(i, servers.get(i), weights.isEmpty() ? 1 : weights.get(i)));
        }
        this.size = servers.size();
    }

    public Backends(List<HostAndPort> servers) {
        this(servers, List.of());
    }

    private Backends(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " is not from 1 to " + MAX_CAPACITY);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** An empty table for discovered servers. */
    public static Backends withCapacity(int capacity) {
        return new Backends(capacity);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Slots in all, in use or not: the length of every per-server array. */
    public int capacity() {
        return slots.length();
    }

    /** One past the highest slot in use (a slot below it may be free). */
    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isUp(int index) {
        Backend backend = slots.get(index);
        return backend != null && backend.isUp();
    }

    @Override
    public int outstanding(int index) {
        Backend backend = slots.get(index);
        return backend == null ? 0 : backend.outstanding();
    }

    @Override
    public long latencyEwmaNanos(int index) {
        Backend backend = slots.get(index);
        return backend == null ? 0 : backend.latencyEwmaNanos();
    }

    @Override
    public int weight(int index) {
        Backend backend = slots.get(index);
        return backend == null ? 1 : backend.weight();
    }

    /** The server in this slot, or {@code null} for a free slot. */
    public Backend get(int index) {
        return slots.get(index);
    }

    /**
     * Places a discovered server in the lowest free slot; returns it, or {@code null} when every slot is taken.
     * Called by discovery only, one change at a time.
     */
    public synchronized Backend add(HostAndPort name, InetSocketAddress address) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null) {
                Backend backend = new Backend(i, name, address);
                slots.set(i, backend);
                if (i >= size) {
                    size = i + 1;
                }
                listeners.forEach(listener -> listener.added(backend));
                return backend;
            }
        }
        return null;
    }

    /** The server leaves rotation at once and keeps its slot until it has drained ({@link #freeDrained}). */
    public void leave(Backend backend, long nowNanos) {
        backend.leave(nowNanos);
    }

    /** A server that left and came back before its slot was freed: back in rotation once it answers a ping. */
    public void rejoin(Backend backend) {
        backend.rejoin();
    }

    /**
     * Frees the slots of servers that left at least {@code drainNanos} ago and have no request in flight; returns
     * how many were freed.
     */
    public synchronized int freeDrained(long nowNanos, long drainNanos) {
        int freed = 0;
        for (int i = 0; i < slots.length(); i++) {
            Backend backend = slots.get(i);
            if (backend != null
                    && backend.leaving()
                    && backend.outstanding() == 0
                    && nowNanos - backend.leftAtNanos() >= drainNanos) {
                slots.set(i, null);
                freed++;
                listeners.forEach(listener -> listener.removed(backend));
            }
        }
        int highest = size;
        while (highest > 0 && slots.get(highest - 1) == null) {
            highest--;
        }
        size = highest;
        return freed;
    }

    /**
     * The server whose current address is {@code address}, or {@code null}; one not leaving first: a pod that took the
     * address of one that left (Kubernetes reuses pod addresses) is the one that answers from it.
     */
    public Backend byAddress(InetSocketAddress address) {
        Backend leaving = null;
        for (int i = 0, n = size; i < n; i++) {
            Backend backend = slots.get(i);
            if (backend != null && backend.address().equals(address)) {
                if (!backend.leaving()) {
                    return backend;
                }
                leaving = backend;
            }
        }
        return leaving;
    }

    /** The server known under this member id ({@code host:port} as configured or discovered), or {@code null}. */
    public Backend byName(String name) {
        for (int i = 0, n = size; i < n; i++) {
            Backend backend = slots.get(i);
            if (backend != null && backend.memberId().equals(name)) {
                return backend;
            }
        }
        return null;
    }

    /** The servers in their slots' order, those leaving included. */
    public List<Backend> all() {
        List<Backend> all = new ArrayList<>(size);
        for (int i = 0, n = size; i < n; i++) {
            Backend backend = slots.get(i);
            if (backend != null) {
                all.add(backend);
            }
        }
        return all;
    }

    /** Servers in a slot and not leaving. */
    public int count() {
        int count = 0;
        for (int i = 0, n = size; i < n; i++) {
            Backend backend = slots.get(i);
            if (backend != null && !backend.leaving()) {
                count++;
            }
        }
        return count;
    }

    long totalForwarded() {
        long total = 0;
        for (Backend backend : all()) {
            total += backend.forwardedCount();
        }
        return total;
    }

    /**
     * The same servers with every one not in planned downtime taken as up, whatever its health checks and ejections
     * say: where a request goes when no server at all is in rotation (Envoy's panic routing, here only at none). An
     * agent whose own threads stalled (a busy machine, a long pause) misses every server's health answers at once and
     * would otherwise drop every request until the next answers; a server that is really gone loses the request either
     * way, and its retry goes to another server. A discovered server that never answered a health ping, or left, is not
     * taken.
     */
    public ServerView notInPlannedDowntime() {
        return notDown;
    }

    void panicked() {
        panics.increment();
    }

    /** Requests sent while no server was in rotation, to one not in planned downtime. */
    public long panicCount() {
        return panics.sum();
    }

    public int upCount() {
        int up = 0;
        for (int i = 0, n = size; i < n; i++) {
            if (isUp(i)) {
                up++;
            }
        }
        return up;
    }
}
