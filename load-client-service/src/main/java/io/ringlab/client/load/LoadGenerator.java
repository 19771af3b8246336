package io.ringlab.client.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the closed-loop workers. Request ids are unique per client run: they start at a random point so that
 * a reply addressed to an earlier run is not taken for the answer to this one.
 */
public class LoadGenerator {

    private final RequestSender sender;
    private final ReplyWaiters waiters;
    private final LoadStatistics statistics;
    private final byte[] payload;
    private final long timeoutNanos;
    private final AtomicLong nextId;
    private final AtomicLong budget;
    private final boolean limited;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    /** @param maxRequests requests to send in all; 0 for no limit */
    public LoadGenerator(RequestSender sender, ReplyWaiters waiters, LoadStatistics statistics, byte[] payload,
                         long timeoutNanos, long maxRequests, long firstRequestId) {
        this.sender = sender;
        this.waiters = waiters;
        this.statistics = statistics;
        this.payload = payload.clone();
        this.timeoutNanos = timeoutNanos;
        this.nextId = new AtomicLong(firstRequestId);
        this.budget = new AtomicLong(maxRequests);
        this.limited = maxRequests > 0;
    }

    public synchronized void start(int threads) {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < threads; i++) {
            LoadWorker worker = new LoadWorker(this, sender, waiters, statistics, nextId::getAndIncrement,
                    payload, timeoutNanos);
            Thread thread = new Thread(worker, "load-" + (i + 1));
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    public synchronized void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(timeoutNanos / 1_000_000 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
    }

    boolean mayContinue() {
        return running && !Thread.currentThread().isInterrupted();
    }

    boolean takeRequestBudget() {
        return !limited || budget.getAndDecrement() > 0;
    }

    public boolean isRunning() {
        return running && workers.stream().anyMatch(Thread::isAlive);
    }

    public int threads() {
        return workers.size();
    }
}
