package io.ringlab.client.load;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * What the load client counts. The counts and the histogram read here are since start or since the last
 * {@link #reset()}, so that a benchmark can measure a window after its warm-up; {@link #countsSinceStart()}
 * never goes back, for the meters (Prometheus expects counters that only grow).
 */
public class LoadStatistics {

    private final LongAdder sent = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder wrongReplies = new LongAdder();
    private final LongAdder lateReplies = new LongAdder();
    private final LongAdder overMaxInFlight = new LongAdder();
    private final LongAdder responseNanos = new LongAdder();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final LongConsumer responseTimes;
    private volatile LoadCounts atReset = LoadCounts.ZERO;

    /** @param responseTimes also told every response time, in nanoseconds (a metrics timer) */
    public LoadStatistics(LongConsumer responseTimes) {
        this.responseTimes = responseTimes;
    }

    public LoadStatistics() {
        this(nanos -> {});
    }

    void sent() {
        sent.increment();
    }

    void success(long responseTimeNanos) {
        successes.increment();
        responseNanos.add(responseTimeNanos);
        latencies.record(responseTimeNanos);
        responseTimes.accept(responseTimeNanos);
    }

    void timeout() {
        timeouts.increment();
    }

    void wrongReply() {
        wrongReplies.increment();
    }

    void overMaxInFlight() {
        overMaxInFlight.increment();
    }

    /** A reply that matched no waiting request: its request timed out, or it was never sent by us. */
    public void lateReply() {
        lateReplies.increment();
    }

    /**
     * Starts a new window: counts and histogram from zero. Requests in flight now count as sent in the new
     * window, so that their replies never make it show more finished requests than sent ones.
     */
    public synchronized void reset() {
        LoadCounts now = countsSinceStart();
        atReset = new LoadCounts(
                now.sent() - now.inFlight(),
                now.successes(),
                now.timeouts(),
                now.wrongReplies(),
                now.lateReplies(),
                now.overMaxInFlight(),
                now.responseNanos());
        latencies.reset();
    }

    /** Counts since the last reset (or start). */
    public LoadCounts counts() {
        return countsSinceStart().minus(atReset);
    }

    public LoadCounts countsSinceStart() {
        return new LoadCounts(
                sent.sum(),
                successes.sum(),
                timeouts.sum(),
                wrongReplies.sum(),
                lateReplies.sum(),
                overMaxInFlight.sum(),
                responseNanos.sum());
    }

    public long sentCount() {
        return counts().sent();
    }

    public long successCount() {
        return counts().successes();
    }

    public long timeoutCount() {
        return counts().timeouts();
    }

    public long wrongReplyCount() {
        return counts().wrongReplies();
    }

    public long lateReplyCount() {
        return counts().lateReplies();
    }

    public long overMaxInFlightCount() {
        return counts().overMaxInFlight();
    }

    public long totalResponseNanos() {
        return counts().responseNanos();
    }

    /** Response times since the last reset (or start). */
    public LatencyRecorder latencies() {
        return latencies;
    }
}
