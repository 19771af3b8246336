package io.ringlab.client.load;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Payloads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What both load loops do with a request: take it from the budget ({@code max-requests}), number it, register
 * it for its reply, send it, and judge what came back. Request ids are unique per client run: they start at a
 * random point so that a reply addressed to an earlier run is not taken for the answer to this one, and they
 * go on across stops and starts.
 */
class Requests {

    /** A request sent and not yet judged; its reply completes {@code waiter}. */
    record InFlight(long id, CompletableFuture<ReplyArrival> waiter, long sentNanos) {}

    private final RequestSender sender;
    private final ReplyWaiters waiters;
    private final LoadStatistics statistics;
    private final byte[] payload;
    private final long timeoutNanos;
    private final AtomicLong nextId;
    private final AtomicLong budget;
    private final boolean limited;

    /** @param maxRequests requests to send in all; 0 for no limit */
    Requests(
            RequestSender sender,
            ReplyWaiters waiters,
            LoadStatistics statistics,
            byte[] payload,
            long timeoutNanos,
            long maxRequests,
            long firstRequestId) {
        this.sender = sender;
        this.waiters = waiters;
        this.statistics = statistics;
        this.payload = payload.clone();
        this.timeoutNanos = timeoutNanos;
        this.nextId = new AtomicLong(firstRequestId);
        this.budget = new AtomicLong(maxRequests);
        this.limited = maxRequests > 0;
    }

    /** False once {@code max-requests} requests have been taken. */
    boolean takeBudget() {
        return !limited || budget.getAndDecrement() > 0;
    }

    InFlight send(long nowNanos) {
        InFlight request = prepare(nowNanos);
        transmit(request);
        return request;
    }

    /** Numbers a request and registers it for its reply, without sending it yet. */
    InFlight prepare(long nowNanos) {
        long id = nextId.getAndIncrement();
        return new InFlight(id, waiters.register(id), nowNanos);
    }

    void transmit(InFlight request) {
        statistics.sent();
        sender.send(FrameCodec.encodeRequest(request.id(), payload));
    }

    /**
     * Gives up waiting: returns the reply if it arrived in the meantime, or {@code null} when the request is now
     * abandoned for good (a reply that comes later is counted as late).
     */
    ReplyArrival abandon(InFlight request) {
        return waiters.abandon(request.id(), request.waiter());
    }

    /**
     * Counts how a request ended: a timeout when there is no reply, else a success timed from {@code fromNanos}
     * (when it was sent, or in the open loop when it was due) or a wrong reply.
     */
    void judge(ReplyArrival reply, long fromNanos) {
        if (reply == null) {
            statistics.timeout();
        } else if (Payloads.isReverseOf(reply.payload(), payload)) {
            statistics.success(reply.arrivedNanos() - fromNanos);
        } else {
            statistics.wrongReply();
        }
    }

    void overMaxInFlight() {
        statistics.overMaxInFlight();
    }

    long timeoutNanos() {
        return timeoutNanos;
    }
}
