package io.ringlab.client.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A constant request rate whatever the replies do, measured as wrk2 does: each response time runs from when
 * the request was <em>due</em>, not from when it was sent. A sender that falls behind (a pause of its own, a
 * full socket) sends the overdue requests at once, and their wait counts in their response times, instead of
 * silently sending fewer requests while the system is slow (coordinated omission).
 *
 * <p>One thread sends: each {@link #step} times out what waited too long, sends what is due, and says when to
 * come back. Replies are judged on the thread that receives them. At most {@code maxInFlight} requests await
 * replies; a request due beyond that is counted and not sent. The step is driven by the time it is given, so
 * tests run it on a fake clock.
 */
class OpenLoop implements LoadLoop {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private record Awaited(Requests.InFlight request, long deadlineNanos) {}

    private final Requests requests;
    private final double rate;
    private final int maxInFlight;
    private final LongSupplier clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * Requests sent, oldest first; only the sending thread touches it. Deadlines grow along it. Answered ones
     * leave from the front, or in a sweep when they pile up behind an older one still awaited, so it holds at
     * most about twice max-in-flight.
     */
    private final Deque<Awaited> awaited = new ArrayDeque<>();

    private RequestPacer pacer;
    private volatile boolean sending;
    private Thread thread;

    OpenLoop(Requests requests, double rate, int maxInFlight, LongSupplier clock) {
        this.requests = requests;
        this.rate = rate;
        this.maxInFlight = maxInFlight;
        this.clock = clock;
    }

    /** Starts pacing from {@code nowNanos}, without a thread: the caller drives {@link #step}. */
    void begin(long nowNanos) {
        pacer = new RequestPacer(rate, nowNanos);
        sending = true;
    }

    @Override
    public void start() {
        begin(clock.getAsLong());
        thread = new Thread(this::run, "load-open-loop");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            long wakeAt = step(clock.getAsLong());
            if (done()) {
                return;
            }
            LockSupport.parkNanos(this, Math.min(MAX_PARK_NANOS, wakeAt - clock.getAsLong()));
        }
        giveUpAll();
    }

    /**
     * Times out the requests whose deadline passed, then sends every request due by {@code nowNanos}.
     * Returns when the next thing is due: a request to send, or a deadline.
     */
    long step(long nowNanos) {
        expire(nowNanos);
        while (sending && pacer.isDue(nowNanos)) {
            if (!requests.takeBudget()) {
                sending = false;
                break;
            }
            send(pacer.take(), nowNanos);
        }
        long wakeAt = sending ? pacer.nextDueNanos() : nowNanos + MAX_PARK_NANOS;
        Awaited oldest = awaited.peekFirst();
        return oldest != null && oldest.deadlineNanos() - wakeAt < 0 ? oldest.deadlineNanos() : wakeAt;
    }

    private void send(long dueNanos, long nowNanos) {
        if (inFlight.get() >= maxInFlight) {
            requests.overMaxInFlight();
            return;
        }
        inFlight.incrementAndGet();
        Requests.InFlight request = requests.send(nowNanos);
        request.waiter().thenAccept(reply -> {
            inFlight.decrementAndGet();
            requests.judge(reply, dueNanos);
        });
        awaited.addLast(new Awaited(request, nowNanos + requests.timeoutNanos()));
        if (awaited.size() > 2 * maxInFlight) {
            awaited.removeIf(sent -> sent.request().waiter().isDone());
        }
    }

    /** Drops answered requests from the front, and times out those whose deadline has passed. */
    private void expire(long nowNanos) {
        for (Awaited oldest = awaited.peekFirst(); oldest != null; oldest = awaited.peekFirst()) {
            if (oldest.request().waiter().isDone()) {
                awaited.removeFirst();
            } else if (nowNanos - oldest.deadlineNanos() >= 0) {
                awaited.removeFirst();
                timeOut(oldest.request());
            } else {
                return;
            }
        }
    }

    private void timeOut(Requests.InFlight request) {
        if (requests.abandon(request) == null) {
            inFlight.decrementAndGet();
            requests.judge(null, request.sentNanos());
        }
        // else the reply won the race with the deadline, and was judged as it completed the waiter
    }

    private void giveUpAll() {
        while (!awaited.isEmpty()) {
            timeOut(awaited.removeFirst().request());
        }
    }

    /** Requests kept for their deadline, answered ones that have not left yet included. */
    int awaitedCount() {
        return awaited.size();
    }

    /** Sends no more and nothing it sent is still awaited. */
    boolean done() {
        return !sending && awaited.isEmpty();
    }

    @Override
    public void stop() {
        sending = false;
        if (thread == null) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            TimeUnit.NANOSECONDS.timedJoin(thread, requests.timeoutNanos() + TimeUnit.SECONDS.toNanos(1));
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    int inFlight() {
        return inFlight.get();
    }

    double rate() {
        return rate;
    }
}
