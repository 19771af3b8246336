package io.ringlab.server.serving;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The agents that have sent this server framed requests, as in the seed (which announced {@code d}/{@code u}
 * to them). Bounded: beyond {@code capacity} the agent first heard from is forgotten (it is remembered again
 * at its next request). Constant time per request, even when a UDP proxy in front of the server sends from a
 * new port for every request.
 */
public class KnownAgents {

    private final int capacity;
    private final Map<InetSocketAddress, Long> lastHeardNanos = new ConcurrentHashMap<>();
    private final Queue<InetSocketAddress> firstHeardOrder = new ConcurrentLinkedQueue<>();

    public KnownAgents(int capacity) {
        this.capacity = capacity;
    }

    public void heardFrom(InetSocketAddress agent, long nowNanos) {
        if (lastHeardNanos.put(agent, nowNanos) == null) {
            firstHeardOrder.add(agent);
            while (lastHeardNanos.size() > capacity) {
                InetSocketAddress oldest = firstHeardOrder.poll();
                if (oldest == null) {
                    break;
                }
                lastHeardNanos.remove(oldest);
            }
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
