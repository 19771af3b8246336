package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clients' recent samples, kept by the dashboard so that the charts survive a page reload. Bounded: the
 * oldest sample goes when a client has {@link DashboardProperties#samplesKept()}, and a client no longer watched
 * (gone from discovery) goes with its samples.
 */
final class ClientHistory {

    private final int capacity;
    private final Map<String, Deque<ClientSample>> samples = new LinkedHashMap<>();

    ClientHistory(List<String> clients, int capacity) {
        this.capacity = capacity;
        clients.forEach(client -> samples.put(client, new ArrayDeque<>(Math.min(capacity, 1024))));
    }

    synchronized void add(String client, ClientSample sample) {
        Deque<ClientSample> kept = samples.computeIfAbsent(client, name -> new ArrayDeque<>(Math.min(capacity, 1024)));
        if (kept.size() == capacity) {
            kept.removeFirst();
        }
        kept.addLast(sample);
    }

    /** Forgets the clients not among these. */
    synchronized void retain(Set<String> clients) {
        samples.keySet().retainAll(clients);
    }

    /** Every client's samples, oldest first. */
    synchronized Map<String, List<ClientSample>> all() {
        Map<String, List<ClientSample>> copy = new LinkedHashMap<>();
        samples.forEach((client, kept) -> copy.put(client, new ArrayList<>(kept)));
        return copy;
    }
}
