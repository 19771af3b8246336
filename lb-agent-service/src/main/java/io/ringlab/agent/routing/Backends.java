package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.ServerView;
import io.ringlab.protocol.HostAndPort;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/** The agent's servers, in configured (ring) order. */
public class Backends implements ServerView {

    private final Backend[] backends;
    private final LongAdder panics = new LongAdder();
    private final ServerView notDown = new ServerView() {
        @Override
        public int size() {
            return backends.length;
        }

        @Override
        public boolean isUp(int index) {
            return backends[index].announcedUp();
        }

        @Override
        public int outstanding(int index) {
            return backends[index].outstanding();
        }

        @Override
        public long latencyEwmaNanos(int index) {
            return backends[index].latencyEwmaNanos();
        }

        @Override
        public int weight(int index) {
            return backends[index].weight();
        }
    };

    /** @param weights one per server for weighted round robin; empty for all 1 */
    public Backends(List<HostAndPort> servers, List<Integer> weights) {
        if (!weights.isEmpty() && weights.size() != servers.size()) {
            throw new IllegalArgumentException("weights: " + weights.size() + " given for " + servers.size() + " servers");
        }
        this.backends = IntStream.range(0, servers.size())
                .mapToObj(i -> new Backend(i, servers.get(i), weights.isEmpty() ? 1 : weights.get(i)))
                .toArray(Backend[]::new);
    }

    public Backends(List<HostAndPort> servers) {
        this(servers, List.of());
    }

    @Override
    public int size() {
        return backends.length;
    }

    @Override
    public boolean isUp(int index) {
        return backends[index].isUp();
    }

    @Override
    public int outstanding(int index) {
        return backends[index].outstanding();
    }

    @Override
    public long latencyEwmaNanos(int index) {
        return backends[index].latencyEwmaNanos();
    }

    @Override
    public int weight(int index) {
        return backends[index].weight();
    }

    public Backend get(int index) {
        return backends[index];
    }

    /** The backend whose current address is {@code address}, or {@code null}. */
    public Backend byAddress(InetSocketAddress address) {
        for (Backend backend : backends) {
            if (backend.address().equals(address)) {
                return backend;
            }
        }
        return null;
    }

    /** The backend configured under this name ({@code host:port} as written), or {@code null}. */
    public Backend byName(String name) {
        for (Backend backend : backends) {
            if (backend.name().toString().equals(name)) {
                return backend;
            }
        }
        return null;
    }

    public List<Backend> all() {
        return List.of(backends);
    }

    public long totalForwarded() {
        long total = 0;
        for (Backend backend : backends) {
            total += backend.forwardedCount();
        }
        return total;
    }

    /**
     * The same servers with every one not in planned downtime taken as up, whatever its health checks and ejections
     * say: where a request goes when no server at all is in rotation (Envoy's panic routing, here only at none). An
     * agent whose own threads stalled (a busy machine, a long pause) misses every server's health answers at once and
     * would otherwise drop every request until the next answers; a server that is really gone loses the request either
     * way, and its retry goes to another server.
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
        for (Backend backend : backends) {
            if (backend.isUp()) {
                up++;
            }
        }
        return up;
    }
}
