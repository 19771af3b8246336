package io.ringlab.support.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed credential checks per source (an IP address) and shuts out a source that fails too often, so the
 * one operator password cannot be guessed at the speed of the network. After {@code maxFailures} failures within
 * {@code window} of the first, the source is blocked for one {@code window} from the failure that blocked it:
 * its attempts are refused without checking the password. A success forgets the source's failures.
 *
 * <p>Bounded: at most {@code maxSources} sources are remembered, the least recently seen forgotten first, so a
 * flood of addresses costs a fixed amount of memory (and can at worst make the throttle forget an address).
 * Time is read from the given nanosecond clock, monotonic like {@link System#nanoTime()}.
 */
public final class CredentialThrottle {

    private static final class Source {
        final long firstFailure;
        int failures;
        boolean blocked;
        long blockedAt;

        Source(long firstFailure) {
            this.firstFailure = firstFailure;
        }
    }

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Source> sources;

    /**
     * @param maxFailures failures within the window that block a source, at least 1
     * @param window      how long failures are counted, and how long a source stays blocked
     * @param maxSources  sources remembered at most, at least 1
     * @param nanoTime    the clock, in nanoseconds
     */
    public CredentialThrottle(int maxFailures, Duration window, int maxSources, LongSupplier nanoTime) {
        if (maxFailures < 1 || maxSources < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures and maxSources must be at least 1 and window positive");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.sources = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** How long the source must wait before it may try again; zero when it may try now. */
    public synchronized Duration retryAfter(String source) {
        Source known = sources.get(source);
        if (known == null || !known.blocked) {
            return Duration.ZERO;
        }
        long blockedFor = nanoTime.getAsLong() - known.blockedAt;
        if (blockedFor >= windowNanos) {
            sources.remove(source);
            return Duration.ZERO;
        }
        return Duration.ofNanos(windowNanos - blockedFor);
    }

    /**
     * Counts a failed check of the source's credentials.
     *
     * @return whether this failure blocked the source
     */
    public synchronized boolean failed(String source) {
        long now = nanoTime.getAsLong();
        Source known = sources.get(source);
        if (known == null || expired(known, now)) {
            known = new Source(now);
            sources.put(source, known);
        }
        known.failures++;
        if (!known.blocked && known.failures >= maxFailures) {
            known.blocked = true;
            known.blockedAt = now;
            return true;
        }
        return false;
    }

    /** Forgets the source's failures: its credentials were right. */
    public synchronized void succeeded(String source) {
        sources.remove(source);
    }

    /** Sources remembered now. */
    synchronized int size() {
        return sources.size();
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    private boolean expired(Source source, long now) {
        return source.blocked ? now - source.blockedAt >= windowNanos : now - source.firstFailure >= windowNanos;
    }
}
