package io.ringlab.agent.routing;

import java.util.Arrays;

/**
 * How many retries the agent may send: over the last {@code window}, at most {@code percent}% of the requests it took,
 * plus {@code minPerSecond} a second whatever the load (Finagle's retry budget; Envoy's and gRPC's retry budgets and
 * throttling have the same aim). A lossy link needs about one retry per ten requests at 5% loss each way, and gets
 * them all; a cluster too slow to answer within the per-try timeout would otherwise get every request up to
 * {@code max-tries} times, the load multiplied just when it cannot serve it. Pure: time is given.
 */
public class RetryBudget {

    private static final int BUCKETS = 10;

    private final long bucketNanos;
    private final int percent;
    private final long minRetries;
    private final long[] requests = new long[BUCKETS];
    private final long[] retries = new long[BUCKETS];
    private final long[] bucketOf = new long[BUCKETS];

    /**
     * @param percent      retries as a share of requests over the window (0: none beyond {@code minPerSecond})
     * @param minPerSecond retries allowed a second whatever the load
     * @param windowNanos  how far back requests and retries are counted
     */
    public RetryBudget(int percent, int minPerSecond, long windowNanos) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        this.percent = percent;
        this.minRetries = (long) Math.ceil(minPerSecond * (windowNanos / 1e9));
        Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    /** A new request was taken. */
    public synchronized void request(long nowNanos) {
        requests[slot(nowNanos)]++;
    }

    /** True, and counted, when one more retry fits the budget. */
    public synchronized boolean tryRetry(long nowNanos) {
        int slot = slot(nowNanos);
        long current = bucketOf[slot];
        long allRequests = 0;
        long allRetries = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketOf[i] != Long.MIN_VALUE && current - bucketOf[i] < BUCKETS) {
                allRequests += requests[i];
                allRetries += retries[i];
            }
        }
        if ((allRetries + 1) * 100 > allRequests * percent + minRetries * 100) {
            return false;
        }
        retries[slot]++;
        return true;
    }

    private int slot(long nowNanos) {
        long bucket = Math.floorDiv(nowNanos, bucketNanos);
        int slot = (int) Math.floorMod(bucket, BUCKETS);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            requests[slot] = 0;
            retries[slot] = 0;
        }
        return slot;
    }
}
