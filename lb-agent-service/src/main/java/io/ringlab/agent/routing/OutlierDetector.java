package io.ringlab.agent.routing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Passive failure detection (Envoy's outlier detection, HAProxy's {@code observe layer4}): tries that time out count
 * against the server they went to, and a server is ejected, for a backoff that doubles with each ejection in a row (up
 * to a maximum), then put back and watched again, when either
 * <ul>
 *     <li>it left {@code consecutiveFailures} tries unanswered in a row, in the order they were <em>sent</em>, and
 *     answered none sent after them (a server that died, froze or was cut off: ejected as soon as the first tries sent
 *     after that time out); or</li>
 *     <li>at least {@code failurePercentage}% of the tries sent to it in one interval failed, at least
 *     {@code requestVolume} of them (Envoy's failure percentage: a server that answers only some requests).</li>
 * </ul>
 * In a row by the time they were sent, not by the time their timeouts were noticed: timeouts are found by a sweep
 * every few milliseconds, which finds at once every try sent in the same few milliseconds, with no reply in between to
 * break the row. Counted as found, a lossy link (5% each way loses one try in ten) makes five in a row at every other
 * sweep and ejects healthy servers one after the other; counted as sent, a server that answers later tries is not in
 * a row at all. Shares, too, are of the tries <em>sent</em> in an interval, counted once all of them have had their
 * time ({@code settleNanos} after it): counted as found, the interval after a server leaves rotation (for a planned
 * downtime) would hold only the failures of its last tries, which are found a per-try timeout late, and none of the
 * replies, which came at once.
 * <p>
 * Ejection never takes out more than {@code maxEjectionPercent} of the servers (Envoy's {@code max_ejection_percent}:
 * one may always be), nor the last server that is up: shedding everything would turn a slow cluster into a dead one.
 * The health checks, which are not limited, take out a crashed server beyond that.
 */
public class OutlierDetector {

    /**
     * How outliers are told.
     *
     * @param settleNanos how long after a try was sent its outcome is surely known (a per-try timeout, and a sweep)
     */
    public record Settings(
            int consecutiveFailures,
            long baseEjectionNanos,
            long maxEjectionNanos,
            int maxEjectionPercent,
            int failurePercentage,
            int requestVolume,
            long intervalNanos,
            long settleNanos) {

        /** The agent's defaults but for the consecutive failures and ejection times. */
        public static Settings of(int consecutiveFailures, long baseEjectionNanos, long maxEjectionNanos) {
            return new Settings(
                    consecutiveFailures, baseEjectionNanos, maxEjectionNanos, 10, 50, 50, 1_000_000_000L, 600_000_000L);
        }
    }

    private static final Log log = LogFactory.getLog(OutlierDetector.class);

    private final Backends backends;
    private final Settings settings;
    private final int threshold;
    private final long forgetAfterNanos;
    /** Per server, the send times of its unanswered tries since the latest it answered, oldest first. */
    private final long[][] failedSentNanos;

    private final int[] failures;
    private final boolean[] answeredAny;
    private final long[] lastAnsweredSentNanos;
    /** Per server, a ring of intervals by send time: which interval each slot holds, its tries that ended, failed. */
    private final long[][] bucket;

    private final long[][] ended;
    private final long[][] failed;
    private final int buckets;
    private long lastJudged = Long.MIN_VALUE;
    private final int[] ejectionsInRow;
    private final long[] ejectedUntil;
    private final long[] lastEjectedAt;
    private final LongAdder ejections = new LongAdder();
    private final LongAdder spared = new LongAdder();
    /** The server each slot's state is about: a slot taken by another server starts afresh. */
    private final Backend[] occupant;

    /** The agent's defaults but for the consecutive failures and ejection times. */
    public OutlierDetector(Backends backends, int consecutiveFailures, long baseEjectionNanos, long maxEjectionNanos) {
        this(backends, Settings.of(consecutiveFailures, baseEjectionNanos, maxEjectionNanos));
    }

    public OutlierDetector(Backends backends, Settings settings) {
        this.backends = backends;
        this.settings = settings;
        this.threshold = settings.consecutiveFailures();
        this.forgetAfterNanos = Math.max(settings.maxEjectionNanos(), settings.baseEjectionNanos()) * 2;
        int size = backends.capacity();
        this.failedSentNanos = new long[size][threshold];
        this.failures = new int[size];
        this.answeredAny = new boolean[size];
        this.lastAnsweredSentNanos = new long[size];
        this.buckets = (int) Math.min(64, settings.settleNanos() / settings.intervalNanos() + 4);
        this.bucket = new long[size][buckets];
        this.ended = new long[size][buckets];
        this.failed = new long[size][buckets];
        for (long[] ids : bucket) {
            Arrays.fill(ids, Long.MIN_VALUE);
        }
        this.ejectionsInRow = new int[size];
        this.ejectedUntil = new long[size];
        this.lastEjectedAt = new long[size];
        this.occupant = new Backend[size];
        for (int i = 0; i < size; i++) {
            occupant[i] = backends.get(i);
        }
    }

    /** The slot's server, having forgotten what was counted for its previous one; {@code null} for a free slot. */
    private Backend current(int server) {
        Backend backend = backends.get(server);
        if (backend != occupant[server]) {
            occupant[server] = backend;
            failures[server] = 0;
            answeredAny[server] = false;
            lastAnsweredSentNanos[server] = 0;
            Arrays.fill(bucket[server], Long.MIN_VALUE);
            ejectionsInRow[server] = 0;
            ejectedUntil[server] = 0;
            lastEjectedAt[server] = 0;
        }
        return backend;
    }

    /**
     * A try sent to the server at {@code sentNanos} got no reply in time (a per-try timeout, or the request timeout).
     * In a row only if the server has answered no try sent after it.
     */
    public synchronized void failure(int server, long sentNanos, long nowNanos) {
        if (current(server) == null) {
            return;
        }
        count(server, sentNanos, true);
        if (answeredAny[server] && sentNanos - lastAnsweredSentNanos[server] <= 0) {
            return; // a later try was answered: this one was lost on the way, not a sign of a dead server
        }
        long[] sent = failedSentNanos[server];
        int count = failures[server];
        if (count == threshold) { // an outlier left in rotation (no ejection allowed): keep the latest
            System.arraycopy(sent, 1, sent, 0, threshold - 1);
            count--;
        }
        int at = count;
        while (at > 0 && sent[at - 1] - sentNanos > 0) { // timeouts are found nearly, not exactly, in send order
            at--;
        }
        System.arraycopy(sent, at, sent, at + 1, count - at);
        sent[at] = sentNanos;
        failures[server] = count + 1;
        if (failures[server] >= threshold) {
            eject(server, nowNanos, "left %d requests in a row unanswered".formatted(threshold));
        }
    }

    /** The server answered a try sent at {@code sentNanos}: the tries it left unanswered before that are not in a row. */
    public synchronized void success(int server, long sentNanos) {
        if (current(server) == null) {
            return;
        }
        count(server, sentNanos, false);
        if (answeredAny[server] && sentNanos - lastAnsweredSentNanos[server] <= 0) {
            return;
        }
        answeredAny[server] = true;
        lastAnsweredSentNanos[server] = sentNanos;
        long[] sent = failedSentNanos[server];
        int count = failures[server];
        int older = 0;
        while (older < count && sent[older] - sentNanos <= 0) {
            older++;
        }
        System.arraycopy(sent, older, sent, 0, count - older);
        failures[server] = count - older;
    }

    private void count(int server, long sentNanos, boolean failure) {
        long interval = Math.floorDiv(sentNanos, settings.intervalNanos());
        if (lastJudged != Long.MIN_VALUE && interval <= lastJudged) {
            return; // its interval was judged already
        }
        int slot = (int) Math.floorMod(interval, buckets);
        if (bucket[server][slot] != interval) {
            if (bucket[server][slot] != Long.MIN_VALUE && bucket[server][slot] > interval) {
                return;
            }
            bucket[server][slot] = interval;
            ended[server][slot] = 0;
            failed[server][slot] = 0;
        }
        ended[server][slot]++;
        if (failure) {
            failed[server][slot]++;
        }
    }

    /** Puts back the servers whose ejection is over; ejects those that failed too many of the tries of an interval. */
    public synchronized void tick(long nowNanos) {
        for (int i = 0; i < failures.length; i++) {
            Backend backend = current(i);
            if (backend == null) {
                continue;
            }
            if (backend.ejected() && nowNanos - ejectedUntil[i] >= 0) {
                backend.setEjected(false);
            }
        }
        // the latest interval whose tries have all had their time
        long settled = Math.floorDiv(nowNanos - settings.settleNanos(), settings.intervalNanos()) - 1;
        if (lastJudged == Long.MIN_VALUE || settled - lastJudged > buckets) {
            lastJudged = settled - 1;
        }
        while (lastJudged < settled) {
            lastJudged++;
            int slot = (int) Math.floorMod(lastJudged, buckets);
            for (int i = 0; i < bucket.length; i++) {
                if (current(i) == null || bucket[i][slot] != lastJudged) {
                    continue;
                }
                long all = ended[i][slot];
                long bad = failed[i][slot];
                if (settings.failurePercentage() > 0
                        && all >= settings.requestVolume()
                        && bad * 100 >= (long) settings.failurePercentage() * all) {
                    eject(
                            i,
                            nowNanos,
                            "failed %d of %d requests sent in %d ms"
                                    .formatted(bad, all, settings.intervalNanos() / 1_000_000));
                }
            }
        }
    }

    private void eject(int server, long nowNanos, String why) {
        Backend backend = occupant[server];
        if (backend.ejected() || backends.upCount() <= 1) {
            return;
        }
        int ejected = 0;
        for (Backend each : backends.all()) {
            if (each.ejected()) {
                ejected++;
            }
        }
        // as Envoy: the first ejection is always allowed, the next ones while under the share
        if (ejected > 0 && 100L * (ejected + 1) > (long) settings.maxEjectionPercent() * backends.count()) {
            spared.increment();
            return;
        }
        if (nowNanos - lastEjectedAt[server] > forgetAfterNanos) {
            ejectionsInRow[server] = 0;
        }
        int doublings = Math.min(ejectionsInRow[server], 20);
        long ejection = Math.min(settings.maxEjectionNanos(), settings.baseEjectionNanos() << doublings);
        ejectionsInRow[server]++;
        lastEjectedAt[server] = nowNanos;
        ejectedUntil[server] = nowNanos + ejection;
        failures[server] = 0;
        backend.setEjected(true);
        ejections.increment();
        log.warn("server %s %s: ejected for %d ms".formatted(backend.memberId(), why, ejection / 1_000_000));
    }

    public long ejectionCount() {
        return ejections.sum();
    }

    /** Outliers left in rotation because as many servers as may be were ejected already. */
    public long sparedCount() {
        return spared.sum();
    }
}
