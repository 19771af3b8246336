package io.ringlab.dashboard.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The run's events in the order they were added, numbered; bounded: past {@code capacity} the oldest go.
 */
public class EventLog {

    private final int capacity;
    private final ArrayDeque<ClusterEvent> events;
    private long next = 1;
    private long dropped;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(ClusterEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
            dropped++;
        }
        events.addLast(event.numbered(next++));
    }

    public void addAll(Collection<ClusterEvent> added) {
        added.forEach(this::add);
    }

    /** The events kept that pass the filter, oldest first. */
    public synchronized List<ClusterEvent> matching(Predicate<ClusterEvent> filter) {
        List<ClusterEvent> matching = new ArrayList<>();
        for (ClusterEvent event : events) {
            if (filter.test(event)) {
                matching.add(event);
            }
        }
        return matching;
    }

    /** Events pushed out by newer ones since the start. */
    public synchronized long dropped() {
        return dropped;
    }
}
