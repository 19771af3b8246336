package io.ringlab.client.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed loop of {@code concurrency} requests in flight, like {@link ClosedLoop}'s threads, but driven by
 * events: when a request is answered, the thread that received the reply judges it and sends the next one;
 * when one times out, the watcher thread does. No thread waits for a reply, so a request costs no thread
 * wake-ups beyond the socket's.
 */
class EventClosedLoop implements LoadLoop {

    private static final long WATCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Requests requests;
    private final int concurrency;
    /** Requests sent and not yet judged: never more than {@code concurrency}. */
    private final Set<Requests.InFlight> awaited = ConcurrentHashMap.newKeySet();
    /** Per thread: -1 outside {@link #sendNext}, else the sends still owed by its outermost call. */
    private final ThreadLocal<int[]> sendsOwed = ThreadLocal.withInitial(() -> new int[] {-1});

    private volatile boolean sending;
    private Thread watcher;

    EventClosedLoop(Requests requests, int concurrency) {
        this.requests = requests;
        this.concurrency = concurrency;
    }

    @Override
    public void start() {
        sending = true;
        for (int i = 0; i < concurrency; i++) {
            sendNext();
        }
        watcher = new Thread(this::watch, "load-timeouts");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Sends the next request. Called again from within a send on the same thread (a reply delivered before the
     * send returned, as an in-memory agent does), it leaves the request to the outer call, so the stack stays
     * flat.
     */
    private void sendNext() {
        int[] owed = sendsOwed.get();
        if (owed[0] >= 0) {
            owed[0]++;
            return;
        }
        owed[0] = 1;
        try {
            while (owed[0] > 0) {
                owed[0]--;
                sendOne();
            }
        } finally {
            owed[0] = -1;
        }
    }

    private void sendOne() {
        if (!sending) {
            return;
        }
        if (!requests.takeBudget()) {
            sending = false; // max-requests reached: the loop ends when the last request does
            return;
        }
        Requests.InFlight request = requests.prepare(System.nanoTime());
        awaited.add(request);
        // the callback is in place before the request leaves: a reply cannot outrun it. It runs only for a
        // reply; a request given up is cancelled, and then the watcher judges it.
        request.waiter().thenAccept(reply -> {
            awaited.remove(request);
            requests.judge(reply, request.sentNanos());
            sendNext();
        });
        requests.transmit(request);
    }

    private void watch() {
        while (sending || !awaited.isEmpty()) {
            long now = System.nanoTime();
            for (Requests.InFlight request : awaited) {
                if (now - request.sentNanos() >= requests.timeoutNanos() && timeOut(request)) {
                    sendNext();
                }
            }
            LockSupport.parkNanos(this, WATCH_INTERVAL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        awaited.forEach(this::timeOut);
    }

    /** True when this call gave the request up (rather than its reply winning the race). */
    private boolean timeOut(Requests.InFlight request) {
        if (requests.abandon(request) != null) {
            return false;
        }
        awaited.remove(request);
        requests.judge(null, request.sentNanos());
        return true;
    }

    @Override
    public void stop() {
        sending = false;
        if (watcher == null) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.timedJoin(watcher, requests.timeoutNanos() + TimeUnit.SECONDS.toNanos(1));
            watcher.interrupt();
            watcher.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null && watcher.isAlive();
    }

    int concurrency() {
        return concurrency;
    }
}
