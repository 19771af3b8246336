package io.ringlab.server.serving;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents that have sent this server framed requests, as in the seed (which announced {@code d}/{@code u}
 * to them). Bounded: beyond {@code capacity} the agent heard from least recently is forgotten.
 */
public class KnownAgents {

    private final int capacity;
    private final Map<InetSocketAddress, Long> lastHeardNanos = new ConcurrentHashMap<>();

    public KnownAgents(int capacity) {
        this.capacity = capacity;
    }

    public void heardFrom(InetSocketAddress agent, long nowNanos) {
        if (lastHeardNanos.put(agent, nowNanos) == null && lastHeardNanos.size() > capacity) {
            forgetOldest();
        }
    }

    /** Only a new agent beyond the capacity gets here (rare); one at a time, so none is left over. */
    private synchronized void forgetOldest() {
        while (lastHeardNanos.size() > capacity) {
            lastHeardNanos.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> lastHeardNanos.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    public List<InetSocketAddress> all() {
        return lastHeardNanos.keySet().stream()
                .sorted(Comparator.comparing(InetSocketAddress::toString))
                .toList();
    }

    public int size() {
        return lastHeardNanos.size();
    }
}
