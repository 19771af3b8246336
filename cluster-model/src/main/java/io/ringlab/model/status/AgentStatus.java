package io.ringlab.model.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results an agent reports (status JSON and the periodic log line).
 *
 * @param retriesPutOff requests whose retry the retry budget put off at least once
 * @param panicRouted   requests sent while no server was in rotation, to one not in planned downtime
 * @param discovery     how the servers are found in DNS; {@code null} for a fixed list
 */
public record AgentStatus(
        String role,
        String instance,
        int clientPort,
        int serverPort,
        String strategy,
        long requestsReceived,
        long rawRequests,
        long forwarded,
        long repliesDelivered,
        long retries,
        long retriesPutOff,
        long ejections,
        long panicRouted,
        long pending,
        long expired,
        List<ServerShare> servers,
        Map<String, Long> drops,
        DiscoveryStatus discovery) {

    /**
     * One server as this agent sees it: in rotation or not and why, what it was sent and its share of all
     * this agent sent, requests in flight, response time EWMA.
     *
     * @param server     its member id ({@code host:port} as configured or discovered)
     * @param address    the address it is sent to now
     * @param discovered found in DNS rather than configured
     * @param state      {@code up}, {@code down} (announced), {@code unhealthy} (misses health pings, or a discovered
     *                   server not yet checked), {@code ejected} (failing requests) or {@code leaving} (gone from DNS:
     *                   its requests in flight drain)
     */
    public record ServerShare(
            String server,
            String address,
            boolean discovered,
            boolean up,
            String state,
            long forwarded,
            long replies,
            double share,
            int outstanding,
            double latencyEwmaMs) {}

    public String logLine() {
        String shares = servers.stream()
                .map(s ->
                        "%s %d (%.3f)%s".formatted(s.server(), s.forwarded(), s.share(), s.up() ? "" : " " + s.state()))
                .collect(Collectors.joining(", "));
        return ("agent %s [%s]: received %d, forwarded %d [%s], replies %d, retries %d (put off %d), ejections %d, "
                        + "pending %d, expired %d, dropped %s")
                .formatted(
                        instance,
                        strategy,
                        requestsReceived,
                        forwarded,
                        shares,
                        repliesDelivered,
                        retries,
                        retriesPutOff,
                        ejections,
                        pending,
                        expired,
                        drops);
    }
}
