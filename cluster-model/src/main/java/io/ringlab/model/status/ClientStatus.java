package io.ringlab.model.status;

import java.util.Map;

/**
 * The results a load client reports, as in the seed's client table, since start or the last reset. Success
 * rate is successes over finished requests (answered, timed out or wrongly answered); requests still in
 * flight, and open-loop requests not sent because of max-in-flight, are not counted against it.
 *
 * @param mode            {@code closed-loop} or {@code open-loop}: the load that runs, or runs when started
 * @param threads         closed-loop worker threads (the setting)
 * @param rate            open-loop requests per second (the setting); 0 in the closed loop
 * @param maxInFlight     open loop: requests awaiting replies at most
 * @param overMaxInFlight open loop: requests due but not sent, because max-in-flight were awaiting replies
 */
public record ClientStatus(
        String role,
        String instance,
        String agent,
        String mode,
        int threads,
        double rate,
        int maxInFlight,
        boolean running,
        long sent,
        long responses,
        long timeouts,
        long wrongReplies,
        long lateReplies,
        long overMaxInFlight,
        long inFlight,
        double successRate,
        double averageMs,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        Map<String, Long> drops) {

    public String logLine() {
        return ("client %s: sent %d, responses %d, success %.2f%%, average %.3f ms, p50 %.3f ms, p99 %.3f ms, "
                        + "p99.9 %.3f ms, timeouts %d, wrong %d, late %d, %s%s")
                .formatted(
                        instance,
                        sent,
                        responses,
                        successRate * 100,
                        averageMs,
                        p50Ms,
                        p99Ms,
                        p999Ms,
                        timeouts,
                        wrongReplies,
                        lateReplies,
                        mode.equals("open-loop")
                                ? "open loop %s/s".formatted(rate)
                                : "closed loop %d threads".formatted(threads),
                        overMaxInFlight > 0 ? ", not sent over max-in-flight %d".formatted(overMaxInFlight) : "");
    }
}
