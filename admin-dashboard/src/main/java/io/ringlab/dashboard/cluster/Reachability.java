package io.ringlab.dashboard.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a service that did not answer a poll is shown unreachable: after a few misses in a row, as
 * an agent's health check does. Until then the page keeps its last status, so a service that is only slow
 * (a busy machine, a long GC pause) does not flicker.
 */
final class Reachability {

    private final int missesToMarkUnreachable;
    private final Map<String, ServiceView> lastAnswered = new HashMap<>();
    private final Map<String, Integer> misses = new HashMap<>();

    Reachability(int missesToMarkUnreachable) {
        this.missesToMarkUnreachable = missesToMarkUnreachable;
    }

    /** Forgets the services not among these (gone from discovery). */
    synchronized void retain(Set<String> names) {
        lastAnswered.keySet().retainAll(names);
        misses.keySet().retainAll(names);
    }

    synchronized ServiceView judge(ServiceView polled) {
        if (polled.reachable()) {
            lastAnswered.put(polled.name(), polled);
            misses.remove(polled.name());
            return polled;
        }
        int missed = misses.merge(polled.name(), 1, Integer::sum);
        ServiceView last = lastAnswered.get(polled.name());
        if (last == null || missed >= missesToMarkUnreachable) {
            lastAnswered.remove(polled.name());
            return ServiceView.unreachable(polled.name(), polled.url(), polled.error(), missed);
        }
        return last.missed(missed, polled.error());
    }
}
