package io.ringlab.election;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node runs elections. Every node of a ring should use the same settings; a node refuses a down
 * permit for a longer downtime than its own.
 *
 * @param interval          periodic election timer (seed: 60 s); the first firing is at interval x (1 + u)
 *                          after start, u uniform in [0, 1), later ones interval x (1 + u/10) after the last round
 * @param downtime          how long a winner stays down (seed: 15 s)
 * @param retransmitTimeout resend an unacknowledged message after this long
 * @param roundTimeout      abandon a round (and, as its initiator, retry) after this long without a result;
 *                          a winner gives up collecting permits after min(roundTimeout, downtime / 2)
 * @param guard             safety margin added to every down permit: clock drift plus the host's tick lateness
 * @param periodicEnabled   whether the periodic timer starts rounds (else only {@code startRoundNow})
 * @param suspectAfter      sends without an acknowledgement before a neighbour is skipped as crashed
 * @param probeInterval     how often a skipped peer is probed to take it back
 * @param valueBound        values are drawn uniformly from [0, valueBound)
 * @param historySize       how many committed rounds {@link NodeStatus#recentRounds()} keeps
 */
public record ElectionSettings(
        Duration interval,
        Duration downtime,
        Duration retransmitTimeout,
        Duration roundTimeout,
        Duration guard,
        boolean periodicEnabled,
        int suspectAfter,
        Duration probeInterval,
        long valueBound,
        int historySize) {

    public ElectionSettings {
        positive("interval", interval);
        positive("downtime", downtime);
        positive("retransmit-timeout", retransmitTimeout);
        positive("round-timeout", roundTimeout);
        positive("guard", guard);
        positive("probe-interval", probeInterval);
        if (retransmitTimeout.compareTo(roundTimeout) >= 0) {
            throw new IllegalArgumentException("retransmit-timeout (" + retransmitTimeout
                    + ") must be shorter than round-timeout (" + roundTimeout + ")");
        }
        if (suspectAfter < 1) {
            throw new IllegalArgumentException("suspect-after must be at least 1, was " + suspectAfter);
        }
        if (valueBound < 1) {
            throw new IllegalArgumentException("value-bound must be at least 1, was " + valueBound);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("history-size must be at least 1, was " + historySize);
        }
    }

    /** The defaults: 60 s interval, 15 s downtime, 200 ms retransmit, 5 s round timeout, 1 s guard. */
    public static ElectionSettings defaults() {
        return new ElectionSettings(
                Duration.ofSeconds(60),
                Duration.ofSeconds(15),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                true,
                3,
                Duration.ofSeconds(1),
                1_000_000,
                16);
    }

    public ElectionSettings withInterval(Duration value) {
        return new ElectionSettings(
                value,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withDowntime(Duration value) {
        return new ElectionSettings(
                interval,
                value,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withRetransmitTimeout(Duration value) {
        return new ElectionSettings(
                interval,
                downtime,
                value,
                roundTimeout,
                guard,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withRoundTimeout(Duration value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                value,
                guard,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withGuard(Duration value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                value,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withPeriodicEnabled(boolean value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                value,
                suspectAfter,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withSuspectAfter(int value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodicEnabled,
                value,
                probeInterval,
                valueBound,
                historySize);
    }

    public ElectionSettings withProbeInterval(Duration value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodicEnabled,
                suspectAfter,
                value,
                valueBound,
                historySize);
    }

    public ElectionSettings withValueBound(long value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                value,
                historySize);
    }

    public ElectionSettings withHistorySize(int value) {
        return new ElectionSettings(
                interval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodicEnabled,
                suspectAfter,
                probeInterval,
                valueBound,
                value);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
