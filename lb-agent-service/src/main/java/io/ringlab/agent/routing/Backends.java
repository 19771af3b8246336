package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.ServerView;
import io.ringlab.protocol.HostAndPort;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.IntStream;

/** The agent's servers, in configured (ring) order. */
public class Backends implements ServerView {

    private final Backend[] backends;

    public Backends(List<HostAndPort> servers) {
        this.backends = IntStream.range(0, servers.size())
                .mapToObj(i -> new Backend(i, servers.get(i)))
                .toArray(Backend[]::new);
    }

    @Override
    public int size() {
        return backends.length;
    }

    @Override
    public boolean isUp(int index) {
        return backends[index].isUp();
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
}
