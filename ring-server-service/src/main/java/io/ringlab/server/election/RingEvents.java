package io.ringlab.server.election;

import io.ringlab.election.RingListener;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.RoundId;
import io.ringlab.protocol.LogText;
import io.ringlab.server.downtime.AnnouncedAvailability;
import io.ringlab.server.downtime.AnnouncedAvailability.CameUp;
import io.ringlab.server.downtime.ServerAvailability.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What this server does when its election says so: goes down and tells the agents ({@code d}), comes back
 * and tells them ({@code u}), and logs one line per round.
 */
public class RingEvents implements RingListener {

    private static final Log log = LogFactory.getLog(RingEvents.class);

    private final AnnouncedAvailability changes;
    private final LongSupplier nanoTime;
    private final LongAdder roundsCompleted = new LongAdder();
    private final LongAdder roundsAbandoned = new LongAdder();

    /** @param nanoTime the election's clock, monotonic like {@link System#nanoTime()} */
    public RingEvents(AnnouncedAvailability changes, LongSupplier nanoTime) {
        this.changes = changes;
        this.nanoTime = nanoTime;
    }

    @Override
    public void wentDown(RoundId round, long untilNanos) {
        long now = nanoTime.getAsLong();
        long remaining = untilNanos - now;
        changes.goDown(Reason.ELECTION, now, untilNanos);
        log.info("won round %s: going down for %d ms".formatted(text(round), TimeUnit.NANOSECONDS.toMillis(remaining)));
    }

    @Override
    public void cameUp(RoundId round, long nowNanos) {
        CameUp up = changes.comeUp(Reason.ELECTION);
        if (up == CameUp.STILL_DOWN) {
            log.info("downtime of round %s over; still down (%s)"
                    .formatted(text(round), changes.availability().reason()));
            return;
        }
        log.info("back up after round %s%s".formatted(text(round), up.logNote()));
    }

    @Override
    public void roundCompleted(RoundOutcome outcome) {
        roundsCompleted.increment();
        log.info("round %s: winner %s, value %d, %.1f ms, %d messages sent by this server"
                .formatted(
                        text(outcome.round()),
                        LogText.escape(outcome.winner()),
                        outcome.value(),
                        outcome.durationNanos() / 1e6,
                        outcome.messagesSent()));
    }

    @Override
    public void roundAbandoned(RoundId round, String reason) {
        roundsAbandoned.increment();
        log.info("round %s abandoned: %s".formatted(text(round), LogText.escape(reason)));
    }

    @Override
    public void configurationChangeSeen(String peer, long holdUntilNanos) {
        log.warn(("configuration change under way: ring member %s runs another ring configuration (member list) than"
                        + " this server; no round and no down permit until %d ms after the last message of it")
                .formatted(LogText.escape(peer), TimeUnit.NANOSECONDS.toMillis(holdUntilNanos - nanoTime.getAsLong())));
    }

    @Override
    public void peerSuspected(String peer) {
        log.warn("ring neighbour %s does not answer: skipping it".formatted(peer));
    }

    @Override
    public void peerRestored(String peer) {
        log.info("ring neighbour %s answers again: back in the ring".formatted(peer));
    }

    /** A round id for a log line: its initiator's id came in a ring message. */
    private static String text(RoundId round) {
        return LogText.escape(round.toString());
    }

    public long roundsCompletedCount() {
        return roundsCompleted.sum();
    }

    public long roundsAbandonedCount() {
        return roundsAbandoned.sum();
    }
}
