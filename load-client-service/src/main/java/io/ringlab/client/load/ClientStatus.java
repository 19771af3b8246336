package io.ringlab.client.load;

import java.util.Map;

/**
 * The results a load client reports, as in the seed's client table. Success rate is successes over
 * finished requests (answered, timed out or wrongly answered); requests still in flight are not counted
 * against it.
 */
public record ClientStatus(
        String role,
        String instance,
        String agent,
        int threads,
        boolean running,
        long sent,
        long responses,
        long timeouts,
        long wrongReplies,
        long lateReplies,
        long inFlight,
        double successRate,
        double averageMs,
        double p50Ms,
        double p99Ms,
        double maxMs,
        Map<String, Long> drops) {

    public String logLine() {
        return ("client %s: sent %d, responses %d, success %.2f%%, average %.3f ms, p50 %.3f ms, p99 %.3f ms, "
                + "timeouts %d, wrong %d, late %d").formatted(instance, sent, responses, successRate * 100, averageMs,
                p50Ms, p99Ms, timeouts, wrongReplies, lateReplies);
    }
}
