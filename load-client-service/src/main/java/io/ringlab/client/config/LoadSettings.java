package io.ringlab.client.config;

import static io.ringlab.support.control.ControlLimits.MAX_RATE;
import static io.ringlab.support.control.ControlLimits.MAX_RATE_TEXT;
import static io.ringlab.support.control.ControlLimits.MAX_THREADS;

/**
 * What load to run: {@code threads} closed-loop workers, or, when {@code rate} is above 0, an open loop of
 * {@code rate} requests per second. Each setting is kept while the other mode runs, so switching back
 * restores it.
 */
public record LoadSettings(int threads, double rate) {

    public LoadSettings {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
        if (!(rate >= 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be from 0 to " + MAX_RATE_TEXT + ", got " + rate);
        }
    }

    public boolean openLoop() {
        return rate > 0;
    }

    /** {@code closed-loop} or {@code open-loop}, as status and REST show it. */
    public String mode() {
        return openLoop() ? "open-loop" : "closed-loop";
    }

    public LoadSettings withThreads(int newThreads) {
        return new LoadSettings(newThreads, rate);
    }

    public LoadSettings withRate(double newRate) {
        return new LoadSettings(threads, newRate);
    }
}
