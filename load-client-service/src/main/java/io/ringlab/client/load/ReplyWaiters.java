package io.ringlab.client.load;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches replies to requests by request id, exactly. A request that timed out is abandoned: its waiter is
 * cancelled, so a reply that arrives afterwards completes nothing and is counted as late — it can never be
 * taken as the answer to a newer request (the seed's client could do that). Bounded by the number of
 * workers in the closed loop (each has at most one request registered), by max-in-flight in the open loop.
 */
public class ReplyWaiters {

    private final Map<Long, CompletableFuture<ReplyArrival>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<ReplyArrival> register(long requestId) {
        CompletableFuture<ReplyArrival> waiter = new CompletableFuture<>();
        waiting.put(requestId, waiter);
        return waiter;
    }

    /** Delivers a reply; false when no request with this id is waiting (never sent, abandoned, or answered). */
    public boolean deliver(long requestId, byte[] payload, long arrivedNanos) {
        CompletableFuture<ReplyArrival> waiter = waiting.remove(requestId);
        return waiter != null && waiter.complete(new ReplyArrival(payload, arrivedNanos));
    }

    /**
     * Gives up on a request. Returns the reply if it arrived in the meantime (a race at the deadline),
     * or {@code null} when the request is now abandoned for good.
     */
    ReplyArrival abandon(long requestId, CompletableFuture<ReplyArrival> waiter) {
        waiting.remove(requestId, waiter);
        return waiter.cancel(false) ? null : waiter.getNow(null);
    }

    public int size() {
        return waiting.size();
    }
}
