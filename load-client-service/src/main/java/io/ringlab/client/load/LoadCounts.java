package io.ringlab.client.load;

/**
 * The load client's counts at one moment.
 *
 * @param overMaxInFlight open loop: requests that were due but not sent, because max-in-flight requests were
 *                        already awaiting replies
 * @param responseNanos   the sum of the successes' response times
 */
public record LoadCounts(
        long sent,
        long successes,
        long timeouts,
        long wrongReplies,
        long lateReplies,
        long overMaxInFlight,
        long responseNanos) {

    static final LoadCounts ZERO = new LoadCounts(0, 0, 0, 0, 0, 0, 0);

    /** Answered, timed out, or wrongly answered. */
    public long finished() {
        return successes + timeouts + wrongReplies;
    }

    /** Sent and not finished yet. */
    public long inFlight() {
        return Math.max(0, sent - finished());
    }

    LoadCounts minus(LoadCounts earlier) {
        return new LoadCounts(
                sent - earlier.sent,
                successes - earlier.successes,
                timeouts - earlier.timeouts,
                wrongReplies - earlier.wrongReplies,
                lateReplies - earlier.lateReplies,
                overMaxInFlight - earlier.overMaxInFlight,
                responseNanos - earlier.responseNanos);
    }
}
