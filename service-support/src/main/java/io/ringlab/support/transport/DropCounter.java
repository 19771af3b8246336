package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts dropped datagrams by reason. Thread-safe and allocation-free on the counting path. */
public class DropCounter {

    private final EnumMap<DropReason, LongAdder> counts = new EnumMap<>(DropReason.class);

    public DropCounter() {
        for (DropReason reason : DropReason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    public void drop(DropReason reason) {
        counts.get(reason).increment();
    }

    /** Counts {@code datagrams} drops at once (a batch the flow failed on). */
    public void drop(DropReason reason, int datagrams) {
        counts.get(reason).add(datagrams);
    }

    public long count(DropReason reason) {
        return counts.get(reason).sum();
    }

    /** Non-zero counts by tag ({@code empty}, {@code truncated}, ...), for status JSON and log lines. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((reason, adder) -> {
            long value = adder.sum();
            if (value > 0) {
                out.put(reason.tag(), value);
            }
        });
        return out;
    }
}
