package io.ringlab.client.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The seed's load: {@code threads} workers, each with one request in flight at a time. */
class ClosedLoop implements LoadLoop {

    private final Requests requests;
    private final int threads;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean sending;

    ClosedLoop(Requests requests, int threads) {
        this.requests = requests;
        this.threads = threads;
    }

    @Override
    public void start() {
        sending = true;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(new LoadWorker(requests, () -> sending), "load-" + (i + 1));
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        sending = false;
        long deadline = System.nanoTime() + requests.timeoutNanos() + TimeUnit.SECONDS.toNanos(1);
        try {
            for (Thread worker : workers) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(worker, left);
                }
            }
            workers.forEach(Thread::interrupt);
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return workers.stream().anyMatch(Thread::isAlive);
    }

    int threads() {
        return threads;
    }
}
