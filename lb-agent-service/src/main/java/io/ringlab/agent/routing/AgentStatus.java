package io.ringlab.agent.routing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The results an agent reports (status JSON and the periodic log line). */
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
        long pending,
        long expired,
        List<ServerShare> servers,
        Map<String, Long> drops) {

    /** Requests this agent sent to one server and that server's share of all it sent. */
    public record ServerShare(String server, boolean up, long forwarded, long replies, double share) {
    }

    public String logLine() {
        String shares = servers.stream()
                .map(s -> "%s %d (%.3f)%s".formatted(s.server(), s.forwarded(), s.share(), s.up() ? "" : " down"))
                .collect(Collectors.joining(", "));
        return "agent %s: received %d, forwarded %d [%s], replies %d, pending %d, expired %d, dropped %s"
                .formatted(instance, requestsReceived, forwarded, shares, repliesDelivered, pending, expired, drops);
    }
}
