package io.ringlab.client.load;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** One closed-loop worker: send a request, wait for its reply or the timeout, record, go on. */
class LoadWorker implements Runnable {

    private final Requests requests;
    private final BooleanSupplier mayContinue;

    LoadWorker(Requests requests, BooleanSupplier mayContinue) {
        this.requests = requests;
        this.mayContinue = mayContinue;
    }

    @Override
    public void run() {
        while (mayContinue.getAsBoolean() && !Thread.currentThread().isInterrupted() && requests.takeBudget()) {
            if (!sendOne()) {
                return;
            }
        }
    }

    /** Returns false when the worker was interrupted (the loop is being stopped at once). */
    private boolean sendOne() {
        Requests.InFlight request = requests.send(System.nanoTime());
        ReplyArrival reply;
        boolean interrupted = false;
        try {
            reply = request.waiter().get(requests.timeoutNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply = requests.abandon(request);
        } catch (InterruptedException e) {
            reply = requests.abandon(request);
            interrupted = true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("reply waiters never fail", e);
        }
        requests.judge(reply, request.sentNanos());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return !interrupted;
    }
}
