package io.ringlab.agent.routing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.atomic.LongAdder;

/**
 * Passive failure detection (Envoy's outlier detection): requests to a server that time out count against
 * it; after {@code threshold} in a row it is ejected for a backoff that doubles with each ejection in a row
 * (up to a maximum), then put back and watched again. A reply from the server resets its count. It never
 * ejects the last server that is up: shedding everything would turn a slow cluster into a dead one.
 */
public class OutlierDetector {

    private static final Log log = LogFactory.getLog(OutlierDetector.class);

    private final Backends backends;
    private final int threshold;
    private final long baseEjectionNanos;
    private final long maxEjectionNanos;
    private final long forgetAfterNanos;
    private final int[] failuresInRow;
    private final int[] ejectionsInRow;
    private final long[] ejectedUntil;
    private final long[] lastEjectedAt;
    private final LongAdder ejections = new LongAdder();

    public OutlierDetector(Backends backends, int threshold, long baseEjectionNanos, long maxEjectionNanos) {
        this.backends = backends;
        this.threshold = threshold;
        this.baseEjectionNanos = baseEjectionNanos;
        this.maxEjectionNanos = maxEjectionNanos;
        this.forgetAfterNanos = Math.max(maxEjectionNanos, baseEjectionNanos) * 2;
        int size = backends.size();
        this.failuresInRow = new int[size];
        this.ejectionsInRow = new int[size];
        this.ejectedUntil = new long[size];
        this.lastEjectedAt = new long[size];
    }

    public synchronized void failure(int server, long nowNanos) {
        Backend backend = backends.get(server);
        if (++failuresInRow[server] < threshold || backend.ejected() || backends.upCount() <= 1) {
            return;
        }
        if (nowNanos - lastEjectedAt[server] > forgetAfterNanos) {
            ejectionsInRow[server] = 0;
        }
        int doublings = Math.min(ejectionsInRow[server], 20);
        long ejection = Math.min(maxEjectionNanos, baseEjectionNanos << doublings);
        ejectionsInRow[server]++;
        lastEjectedAt[server] = nowNanos;
        ejectedUntil[server] = nowNanos + ejection;
        failuresInRow[server] = 0;
        backend.setEjected(true);
        ejections.increment();
        log.warn("server %s failed %d requests in a row: ejected for %d ms".formatted(backend.name(), threshold,
                ejection / 1_000_000));
    }

    public synchronized void success(int server) {
        failuresInRow[server] = 0;
    }

    /** Puts back the servers whose ejection is over. */
    public synchronized void tick(long nowNanos) {
        for (int i = 0; i < failuresInRow.length; i++) {
            Backend backend = backends.get(i);
            if (backend.ejected() && nowNanos - ejectedUntil[i] >= 0) {
                backend.setEjected(false);
            }
        }
    }

    public long ejectionCount() {
        return ejections.sum();
    }
}
