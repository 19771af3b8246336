package io.ringlab.election.sim;

import io.ringlab.protocol.DropReason;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts, for one simulation or summed over many: the datagrams the adversary injected by origin, what the
 * receivers refused by origin and reason, and what got through to a node.
 */
final class NetworkLedger {

    private final Map<DatagramOrigin, Long> injected = new EnumMap<>(DatagramOrigin.class);
    private final Map<DatagramOrigin, Map<DropReason, Long>> refused = new EnumMap<>(DatagramOrigin.class);
    private final Map<DatagramOrigin, Long> admitted = new EnumMap<>(DatagramOrigin.class);
    private final Map<DatagramOrigin, Long> unreached = new EnumMap<>(DatagramOrigin.class);

    void injected(DatagramOrigin origin) {
        injected.merge(origin, 1L, Long::sum);
    }

    void refused(DatagramOrigin origin, DropReason reason) {
        refused.computeIfAbsent(origin, o -> new EnumMap<>(DropReason.class)).merge(reason, 1L, Long::sum);
    }

    void admitted(DatagramOrigin origin) {
        admitted.merge(origin, 1L, Long::sum);
    }

    /** Arrived at a crashed node: nobody opened it. */
    void unreached(DatagramOrigin origin) {
        unreached.merge(origin, 1L, Long::sum);
    }

    long injectedCount(DatagramOrigin origin) {
        return injected.getOrDefault(origin, 0L);
    }

    long injectedTotal() {
        return injected.values().stream().mapToLong(Long::longValue).sum();
    }

    long refusedCount(DatagramOrigin origin, DropReason reason) {
        return refused.getOrDefault(origin, Map.of()).getOrDefault(reason, 0L);
    }

    long admittedCount(DatagramOrigin origin) {
        return admitted.getOrDefault(origin, 0L);
    }

    void add(NetworkLedger other) {
        other.injected.forEach((origin, count) -> injected.merge(origin, count, Long::sum));
        other.admitted.forEach((origin, count) -> admitted.merge(origin, count, Long::sum));
        other.unreached.forEach((origin, count) -> unreached.merge(origin, count, Long::sum));
        other.refused.forEach((origin, reasons) ->
                reasons.forEach((reason, count) -> refused.computeIfAbsent(origin, o -> new EnumMap<>(DropReason.class))
                        .merge(reason, count, Long::sum)));
    }

    /**
     * One row per origin: injected, refused per reason (the reasons that occurred), admitted to a node, and lost
     * because the receiver was crashed.
     */
    String table() {
        Set<DropReason> reasons = EnumSet.noneOf(DropReason.class);
        refused.values().forEach(byReason -> reasons.addAll(byReason.keySet()));
        StringBuilder out = new StringBuilder(String.format("  | %-18s | %9s |", "origin", "injected"));
        reasons.forEach(reason -> out.append(String.format(" %12s |", reason.tag())));
        out.append(String.format(" %9s | %10s |%n", "admitted", "unreached"));
        for (DatagramOrigin origin : DatagramOrigin.values()) {
            out.append(String.format(
                    "  | %-18s | %9s |",
                    origin.name().toLowerCase(Locale.ROOT),
                    origin.isAdversary() ? Long.toString(injectedCount(origin)) : "-"));
            reasons.forEach(reason -> out.append(String.format(" %12d |", refusedCount(origin, reason))));
            out.append(String.format(" %9d | %10d |%n", admittedCount(origin), unreached.getOrDefault(origin, 0L)));
        }
        return out.toString();
    }
}
