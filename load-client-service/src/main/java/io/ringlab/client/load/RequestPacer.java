package io.ringlab.client.load;

/**
 * When each request of a constant rate is due: request {@code i} (from 0) at {@code start + i / rate}. Each
 * time is computed from the start, not from the previous one, so the pace does not drift, and a sender that
 * fell behind finds every request it missed due at once (with its own due time). Pure: it is given the time.
 */
final class RequestPacer {

    private final long startNanos;
    private final double intervalNanos;
    private long next;

    RequestPacer(double ratePerSecond, long startNanos) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be above 0, got " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
    }

    /** When the next request is due. */
    long nextDueNanos() {
        return startNanos + Math.round(next * intervalNanos);
    }

    boolean isDue(long nowNanos) {
        return nowNanos - nextDueNanos() >= 0;
    }

    /** Takes the next request; returns when it was (or is) due. */
    long take() {
        long due = nextDueNanos();
        next++;
        return due;
    }

    /** Requests taken so far. */
    long taken() {
        return next;
    }
}
