package io.ringlab.client.load;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/** What the load client counts, cumulative since start. */
public class LoadStatistics {

    private final LongAdder sent = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder wrongReplies = new LongAdder();
    private final LongAdder lateReplies = new LongAdder();
    private final LongAdder responseNanos = new LongAdder();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final LongConsumer responseTimes;

    /** @param responseTimes also told every response time, in nanoseconds (a metrics timer) */
    public LoadStatistics(LongConsumer responseTimes) {
        this.responseTimes = responseTimes;
    }

    public LoadStatistics() {
        this(nanos -> { });
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

    /** A reply that matched no waiting request: its request timed out, or it was never sent by us. */
    public void lateReply() {
        lateReplies.increment();
    }

    public long sentCount() {
        return sent.sum();
    }

    public long successCount() {
        return successes.sum();
    }

    public long timeoutCount() {
        return timeouts.sum();
    }

    public long wrongReplyCount() {
        return wrongReplies.sum();
    }

    public long lateReplyCount() {
        return lateReplies.sum();
    }

    public long totalResponseNanos() {
        return responseNanos.sum();
    }

    public LatencyRecorder latencies() {
        return latencies;
    }
}
