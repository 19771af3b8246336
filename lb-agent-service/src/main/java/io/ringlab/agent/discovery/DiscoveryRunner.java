package io.ringlab.agent.discovery;

import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.HealthChecker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs discovery on a thread of its own, every {@link #TICK_MILLIS}: a DNS query that waits for its timeout holds up
 * neither the data path nor the health checks and request sweeps of the shared scheduler. Tells discovery of failures:
 * a server taken out for missed health checks since the last step, or no server in rotation.
 */
class DiscoveryRunner implements SmartLifecycle {

    static final long TICK_MILLIS = 250;

    private static final Log log = LogFactory.getLog(DiscoveryRunner.class);

    private final ServerDiscovery discovery;
    private final Backends backends;
    private final HealthChecker health;
    private ScheduledExecutorService executor;
    private long markedDownBefore;

    DiscoveryRunner(ServerDiscovery discovery, Backends backends, HealthChecker health) {
        this.discovery = discovery;
        this.backends = backends;
        this.health = health;
    }

    private void step() {
        try {
            long markedDown = health.markedDownCount();
            boolean failing = markedDown != markedDownBefore || backends.upCount() == 0;
            markedDownBefore = markedDown;
            discovery.tick(System.nanoTime(), failing);
        } catch (RuntimeException e) {
            log.warn("server discovery step failed; next in %d ms".formatted(TICK_MILLIS), e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "server-discovery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::step, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
