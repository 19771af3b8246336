package io.ringlab.model.status;

import java.util.List;
import java.util.Map;

/**
 * The results a ring server reports (status JSON and the periodic log line).
 *
 * @param state      {@code up} or {@code down}
 * @param downForMs  how long the planned downtime still lasts; 0 when up
 * @param downReason why it is down: {@code election}, {@code manual} (through REST) or {@code shutdown};
 *                   {@code null} when up
 */
public record ServerStatus(
        String role,
        String instance,
        int udpPort,
        String state,
        long downForMs,
        String downReason,
        long requestsReceived,
        long framedRequests,
        long rawRequests,
        List<String> agents,
        Map<String, Long> drops) {

    public String logLine() {
        return "server %s (%s): requests received %d (framed %d, raw %d), agents %d, dropped %s"
                .formatted(instance, state, requestsReceived, framedRequests, rawRequests, agents.size(), drops);
    }
}
