package io.ringlab.client.load;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Payloads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/** One closed-loop worker: send a request, wait for its reply or the timeout, record, go on. */
class LoadWorker implements Runnable {

    private final LoadGenerator generator;
    private final RequestSender sender;
    private final ReplyWaiters waiters;
    private final LoadStatistics statistics;
    private final LongSupplier requestIds;
    private final byte[] payload;
    private final long timeoutNanos;

    LoadWorker(LoadGenerator generator, RequestSender sender, ReplyWaiters waiters, LoadStatistics statistics,
               LongSupplier requestIds, byte[] payload, long timeoutNanos) {
        this.generator = generator;
        this.sender = sender;
        this.waiters = waiters;
        this.statistics = statistics;
        this.requestIds = requestIds;
        this.payload = payload;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void run() {
        while (generator.mayContinue() && generator.takeRequestBudget()) {
            if (!sendOne()) {
                return;
            }
        }
    }

    /** Returns false when the worker was interrupted (the generator is stopping). */
    private boolean sendOne() {
        long id = requestIds.getAsLong();
        byte[] datagram = FrameCodec.encodeRequest(id, payload);
        CompletableFuture<ReplyArrival> waiter = waiters.register(id);
        long sentNanos = System.nanoTime();
        statistics.sent();
        sender.send(datagram);
        ReplyArrival reply;
        try {
            reply = waiter.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply = waiters.abandon(id, waiter);
        } catch (InterruptedException e) {
            waiters.abandon(id, waiter);
            statistics.timeout();
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("reply waiters never fail", e);
        }
        if (reply == null) {
            statistics.timeout();
        } else if (Payloads.isReverseOf(reply.payload(), payload)) {
            statistics.success(reply.arrivedNanos() - sentNanos);
        } else {
            statistics.wrongReply();
        }
        return true;
    }
}
