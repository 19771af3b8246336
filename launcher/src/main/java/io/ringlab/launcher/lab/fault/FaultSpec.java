package io.ringlab.launcher.lab.fault;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault and when: {@code at 30s for 20s loss 5% agent<->server}.
 *
 * @param at       how long after the load starts (for a fault given live: after it is given)
 * @param duration how long it lasts; {@code null} until it is healed (or the run ends)
 */
public record FaultSpec(Duration at, Duration duration, FaultAction action) {

    @Override
    public String toString() {
        return "at " + duration(at) + (duration == null ? "" : " for " + duration(duration)) + " " + action;
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        return s != 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
