package io.ringlab.dashboard.timeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each server's state changes over the last {@code windowMillis}, so that the page's strips survive a reload. Fixed
 * memory: at most {@code maxChanges} per server (the oldest go first), a change older than the window goes once a
 * newer one also is (the one in force when the window starts stays), and a server no longer polled goes with its
 * changes. Thread-safe; time is the polls' own.
 */
final class StateHistory {

    private final long windowMillis;
    private final int maxChanges;
    private final Map<String, Deque<StateChange>> changes = new LinkedHashMap<>();

    StateHistory(long windowMillis, int maxChanges) {
        if (windowMillis <= 0 || maxChanges < 1) {
            throw new IllegalArgumentException("window and capacity must be positive");
        }
        this.windowMillis = windowMillis;
        this.maxChanges = maxChanges;
    }

    /** One poll's states: a change is kept where a server's state differs from its last one. */
    synchronized void record(long at, Map<String, String> states) {
        changes.keySet().retainAll(states.keySet());
        states.forEach((server, state) -> {
            Deque<StateChange> kept = changes.computeIfAbsent(server, name -> new ArrayDeque<>());
            if (kept.isEmpty() || !kept.peekLast().state().equals(state)) {
                if (kept.size() == maxChanges) {
                    kept.removeFirst();
                }
                kept.addLast(new StateChange(at, state));
            }
            trim(kept, at - windowMillis);
        });
    }

    /** Every server's changes, oldest first. */
    synchronized Map<String, List<StateChange>> all() {
        Map<String, List<StateChange>> copy = new LinkedHashMap<>();
        changes.forEach((server, kept) -> copy.put(server, new ArrayList<>(kept)));
        return copy;
    }

    private static void trim(Deque<StateChange> kept, long oldest) {
        while (kept.size() > 1 && second(kept).t() < oldest) {
            kept.removeFirst();
        }
    }

    private static StateChange second(Deque<StateChange> kept) {
        var it = kept.iterator();
        it.next();
        return it.next();
    }
}
