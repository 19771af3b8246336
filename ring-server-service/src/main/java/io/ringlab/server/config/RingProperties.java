package io.ringlab.server.config;

import io.ringlab.election.ElectionSettings;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.config.InvalidPropertyException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * The ring ({@code ringlab.server.ring.*}). With no peers the server runs alone: it answers requests and
 * takes part in no election.
 *
 * @param self              this server's id, exactly as it is written in {@code peers}
 * @param peers             every server of the ring, this one included, in ring order ({@code host:port})
 * @param electionInterval  the periodic election timer (the seed's 60 s); timers are not synchronised
 * @param downtime          how long a winner stays down (the seed's 15 s)
 * @param drain             how long a winner keeps answering after it announced {@code d}, so that requests
 *                          already on their way are not lost; then it answers nothing until it is up
 * @param periodic          whether the timer starts rounds; off, rounds start only on request (benchmarks)
 * @param retransmitTimeout resend an unacknowledged ring message after this long
 * @param roundTimeout      abandon a round that has no result after this long, and retry
 * @param guard             safety margin on every down permit (clock drift, late ticks)
 * @param suspectAfter      unacknowledged sends before a neighbour is skipped as crashed
 * @param probeInterval     how often a skipped server is probed, to take it back
 * @param historySize       committed rounds kept for the status
 * @param inboxCapacity     ring messages waiting for the election thread; beyond it they are dropped
 */
public record RingProperties(
        HostAndPort self,
        @DefaultValue List<@NotNull HostAndPort> peers,
        @DefaultValue("60s") @NotNull Duration electionInterval,
        @DefaultValue("15s") @NotNull Duration downtime,
        @DefaultValue("250ms") @NotNull Duration drain,
        @DefaultValue("true") boolean periodic,
        @DefaultValue("200ms") @NotNull Duration retransmitTimeout,
        @DefaultValue("5s") @NotNull Duration roundTimeout,
        @DefaultValue("1s") @NotNull Duration guard,
        @DefaultValue("3") @Min(1) int suspectAfter,
        @DefaultValue("1s") @NotNull Duration probeInterval,
        @DefaultValue("16") @Min(1) int historySize,
        @DefaultValue("1024") @Min(1) int inboxCapacity) {

    private static final String PREFIX = "ringlab.server.ring.";

    /**
     * Checks a ring's settings together, when there is a ring: its size and duplicates, that {@code self} is set,
     * the drain within the downtime, and what the election needs of its timers (one bad value, one line naming it).
     * Whether {@code self} is one of the peers is {@link #selfIsMember()}: a server left out of the ring's list (a pod
     * added by {@code kubectl scale} before the list was edited) starts, but takes no part in the ring.
     */
    public RingProperties {
        if (peers != null && !peers.isEmpty()) {
            checkMembers(self, peers);
            checkTimers(electionInterval, downtime, drain, retransmitTimeout, roundTimeout, guard, probeInterval);
        }
    }

    private static void checkMembers(HostAndPort self, List<HostAndPort> peers) {
        if (peers.size() < 3) {
            throw new InvalidPropertyException(PREFIX + "peers", "a ring needs at least 3 servers, got " + peers);
        }
        if (new HashSet<>(peers).size() != peers.size()) {
            throw new InvalidPropertyException(PREFIX + "peers", "lists a server twice: " + peers);
        }
        if (self == null) {
            throw new InvalidPropertyException(
                    PREFIX + "self", "not set; it must be one of " + PREFIX + "peers " + peers);
        }
    }

    /** Null values are left to {@code @NotNull}, which names them. */
    private static void checkTimers(
            Duration electionInterval,
            Duration downtime,
            Duration drain,
            Duration retransmitTimeout,
            Duration roundTimeout,
            Duration guard,
            Duration probeInterval) {
        if (drain != null && downtime != null && (drain.isNegative() || drain.compareTo(downtime) >= 0)) {
            throw new InvalidPropertyException(
                    PREFIX + "drain", drain + " must be between 0 and downtime (" + downtime + ")");
        }
        positive("election-interval", "interval", electionInterval);
        positive("downtime", "downtime", downtime);
        positive("retransmit-timeout", "retransmit-timeout", retransmitTimeout);
        positive("round-timeout", "round-timeout", roundTimeout);
        positive("guard", "guard", guard);
        positive("probe-interval", "probe-interval", probeInterval);
        if (retransmitTimeout != null && roundTimeout != null && retransmitTimeout.compareTo(roundTimeout) >= 0) {
            throw new InvalidPropertyException(
                    PREFIX + "retransmit-timeout",
                    "retransmit-timeout (" + retransmitTimeout + ") must be shorter than round-timeout (" + roundTimeout
                            + ")");
        }
    }

    /** {@code setting} is the election's name for the property, kept in the line as it always was. */
    private static void positive(String property, String setting, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new InvalidPropertyException(PREFIX + property, setting + " must be positive, was " + value);
        }
    }

    public boolean enabled() {
        return !peers.isEmpty();
    }

    /** Peer ids as the election knows them, in ring order (checked when bound). */
    public List<String> peerIds() {
        return peers.stream().map(HostAndPort::toString).toList();
    }

    /** Whether {@code self} is one of {@code peers}. */
    public boolean selfIsMember() {
        return self != null && peers.contains(self);
    }

    /** The election's settings (checked when bound). */
    public ElectionSettings settings() {
        return new ElectionSettings(
                electionInterval,
                downtime,
                retransmitTimeout,
                roundTimeout,
                guard,
                periodic,
                suspectAfter,
                probeInterval,
                ElectionSettings.defaults().valueBound(),
                historySize);
    }
}
