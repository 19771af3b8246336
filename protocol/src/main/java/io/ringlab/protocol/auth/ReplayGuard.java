package io.ringlab.protocol.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anti-replay windows of the senders a member hears from, one per (sender id, incarnation): a restarted
 * sender starts a new window. Bounded: beyond {@code capacity} the window used least recently is forgotten.
 * Only frames whose MAC was checked reach it, so only members can add windows. Thread-safe.
 */
final class ReplayGuard {

    private record Origin(String sender, long incarnation) {}

    private final Map<Origin, ReplayWindow> windows;

    ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " < 1");
        }
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Origin, ReplayWindow> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True if this sequence of this sender's incarnation is seen for the first time (and not too old). */
    synchronized boolean firstTime(String sender, long incarnation, long sequence) {
        return windows.computeIfAbsent(new Origin(sender, incarnation), origin -> new ReplayWindow())
                .accept(sequence);
    }
}
