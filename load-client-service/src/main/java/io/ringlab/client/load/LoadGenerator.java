package io.ringlab.client.load;

import io.ringlab.client.config.ClosedLoopEngine;
import io.ringlab.client.config.LoadSettings;

import java.util.function.UnaryOperator;

/**
 * Runs the load with the current {@link LoadSettings}: a closed loop of worker threads, or an open loop at a
 * constant rate. Settings can be changed while it runs (it restarts with them), and it can be stopped and
 * started again; request ids and the {@code max-requests} budget go on across runs. Thread-safe: the REST
 * controller and the application's lifecycle call it.
 */
public class LoadGenerator {

    private final Requests requests;
    private final int maxInFlight;
    private final ClosedLoopEngine closedLoopEngine;
    // written under the lock; read without it, so that status and metrics never wait for a stop to finish
    private volatile LoadSettings settings;
    private volatile LoadLoop loop;

    /**
     * @param maxRequests requests to send in all, over every run; 0 for no limit
     * @param maxInFlight open loop: requests awaiting a reply at most
     * @param closedLoopEngine how the closed loop keeps its requests in flight
     */
    public LoadGenerator(
            RequestSender sender,
            ReplyWaiters waiters,
            LoadStatistics statistics,
            byte[] payload,
            long timeoutNanos,
            long maxRequests,
            long firstRequestId,
            LoadSettings settings,
            int maxInFlight,
            ClosedLoopEngine closedLoopEngine) {
        this.requests = new Requests(sender, waiters, statistics, payload, timeoutNanos, maxRequests, firstRequestId);
        this.settings = settings;
        this.maxInFlight = maxInFlight;
        this.closedLoopEngine = closedLoopEngine;
    }

    /** Starts the load with the current settings; false when it is already running. */
    public synchronized boolean start() {
        if (isRunning()) {
            return false;
        }
        if (settings.openLoop()) {
            loop = new OpenLoop(requests, settings.rate(), maxInFlight, System::nanoTime);
        } else if (closedLoopEngine == ClosedLoopEngine.EVENTS) {
            loop = new EventClosedLoop(requests, settings.threads());
        } else {
            loop = new ClosedLoop(requests, settings.threads());
        }
        loop.start();
        return true;
    }

    /**
     * Stops sending and waits, at most the request timeout, for the requests in flight to end, so that they are
     * counted as what they are rather than as timeouts; false when it was not running.
     */
    public synchronized boolean stop() {
        if (loop == null) {
            return false;
        }
        boolean wasRunning = loop.isRunning();
        loop.stop();
        loop = null;
        return wasRunning;
    }

    /**
     * Changes the settings and applies them at once: a running load is stopped and started again with them.
     * Returns the new settings.
     */
    public synchronized LoadSettings update(UnaryOperator<LoadSettings> change) {
        LoadSettings changed = change.apply(settings);
        boolean restart = isRunning();
        if (restart) {
            stop();
        }
        settings = changed;
        if (restart) {
            start();
        }
        return changed;
    }

    public LoadSettings settings() {
        return settings;
    }

    public boolean isRunning() {
        LoadLoop current = loop;
        return current != null && current.isRunning();
    }

    /** Closed-loop requests kept in flight now (worker threads, or their events); 0 when stopped or open loop. */
    public int threadsRunning() {
        LoadLoop current = loop;
        if (current == null || !current.isRunning()) {
            return 0;
        }
        if (current instanceof ClosedLoop closed) {
            return closed.threads();
        }
        return current instanceof EventClosedLoop events ? events.concurrency() : 0;
    }

    /** The open loop's rate now, in requests per second; 0 when stopped or in the closed loop. */
    public double rateRunning() {
        return loop instanceof OpenLoop open && open.isRunning() ? open.rate() : 0;
    }
}
