package io.ringlab.support.cluster;

import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Checks the key file every interval on a thread of its own, from start to stop of the application. */
final class ClusterKeyFileWatcher implements SmartLifecycle {

    private final ClusterKeyFile file;
    private final long intervalMillis;
    private ScheduledExecutorService timer;

    ClusterKeyFileWatcher(ClusterKeyFile file, long intervalMillis) {
        this.file = file;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cluster-key-file");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(file::check, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
