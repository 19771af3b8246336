package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.agent.balancing.ServerView;
import io.ringlab.support.transport.DatagramSender;

import java.util.concurrent.atomic.LongAdder;

/**
 * Watches the pending requests: one with no reply within the per-try timeout is sent once more, to a
 * different server, under the same id, so that whichever reply comes first is the one delivered and a later
 * one is dropped; one with no reply within the request timeout is given up. Both count against the server
 * for outlier detection. Servers' processing is idempotent, so a retry is safe. A retry the budget has no room for is
 * put off to the next sweep (the request's time still runs).
 */
public class RequestSupervisor {

    private final PendingRequests pending;
    private final Backends backends;
    private final BalancingStrategy strategy;
    private final OutlierDetector outliers;
    private final DatagramSender sender;
    private final long perTryTimeoutNanos;
    private final long requestTimeoutNanos;
    private final int maxTries;
    private final RetryBudget budget;
    private final LongAdder retries = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder putOff = new LongAdder();

    public RequestSupervisor(
            PendingRequests pending,
            Backends backends,
            BalancingStrategy strategy,
            OutlierDetector outliers,
            DatagramSender sender,
            long perTryTimeoutNanos,
            long requestTimeoutNanos,
            int maxTries) {
        this(pending, backends, strategy, outliers, sender, perTryTimeoutNanos, requestTimeoutNanos, maxTries, null);
    }

    /** @param budget the retry budget each retry must fit; {@code null} for none */
    public RequestSupervisor(
            PendingRequests pending,
            Backends backends,
            BalancingStrategy strategy,
            OutlierDetector outliers,
            DatagramSender sender,
            long perTryTimeoutNanos,
            long requestTimeoutNanos,
            int maxTries,
            RetryBudget budget) {
        this.pending = pending;
        this.backends = backends;
        this.strategy = strategy;
        this.outliers = outliers;
        this.sender = sender;
        this.perTryTimeoutNanos = perTryTimeoutNanos;
        this.requestTimeoutNanos = requestTimeoutNanos;
        this.maxTries = maxTries;
        this.budget = budget;
    }

    public void sweep(long nowNanos) {
        pending.forEach((id, entry) -> {
            if (nowNanos - entry.firstSentNanos() > requestTimeoutNanos) {
                pending.expire(id, entry, gone -> {
                    int server = gone.server();
                    backends.get(server).settled();
                    outliers.failure(server, gone.lastSentNanos(), nowNanos);
                    expired.increment();
                });
            } else if (entry.tries() < maxTries && nowNanos - entry.lastSentNanos() > perTryTimeoutNanos) {
                retry(id, entry, nowNanos);
            }
        });
    }

    private void retry(long id, PendingRequests.Pending entry, long nowNanos) {
        int next = strategy.choose(new Excluding(backends, entry.server()));
        if (next < 0) {
            return;
        }
        if (budget != null && !budget.tryRetry(nowNanos)) {
            if (entry.putOff()) {
                putOff.increment();
            }
            return; // the next sweep tries again, until the request times out
        }
        Backend backend = backends.get(next);
        backend.sent();
        long previousSentNanos = entry.lastSentNanos(); // only this sweep moves a request to another server
        // read before resend() checks that the slot still holds this id: a slot never holds an id again once it left
        byte[] frame = entry.forwarded();
        int previous = entry.resend(id, next, nowNanos);
        if (previous < 0) {
            backend.settled(); // answered meanwhile: nothing to retry
            return;
        }
        outliers.failure(previous, previousSentNanos, nowNanos);
        backends.get(previous).settled();
        retries.increment();
        sender.send(backend.address(), frame);
    }

    public long retryCount() {
        return retries.sum();
    }

    public long expiredCount() {
        return expired.sum();
    }

    /** Requests whose retry the retry budget put off at least once. */
    public long putOffCount() {
        return putOff.sum();
    }

    /** The servers as they are, less one: a retry goes to a different server. */
    private record Excluding(ServerView servers, int excluded) implements ServerView {

        @Override
        public int size() {
            return servers.size();
        }

        @Override
        public boolean isUp(int index) {
            return index != excluded && servers.isUp(index);
        }

        @Override
        public int outstanding(int index) {
            return servers.outstanding(index);
        }

        @Override
        public long latencyEwmaNanos(int index) {
            return servers.latencyEwmaNanos(index);
        }

        @Override
        public int weight(int index) {
            return servers.weight(index);
        }
    }
}
