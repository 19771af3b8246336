package io.ringlab.server.election;

import io.ringlab.server.election.ServerAvailability.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Planned downtime an operator asks for through REST, carried out exactly as an election winner's: announce
 * {@code d} to the agents, drain, answer nothing but health pings, and announce {@code u} when it is over. It
 * can be ended early; a downtime the election started cannot, because the ring's other servers hold down
 * permits (leases) for it and would let another winner go down only once it is over.
 *
 * <p>It is outside the election: the ring does not know of it, so a server taken down here while an election
 * winner is down makes two servers down at once. That is the operator's call.
 */
public class ManualDowntime implements AutoCloseable {

    private static final Log log = LogFactory.getLog(ManualDowntime.class);

    /** What became of a request to go down or come up. */
    public enum Result { STARTED, ENDED, REFUSED_ALREADY_DOWN, REFUSED_NOT_DOWN, REFUSED_ELECTION_DOWNTIME, REFUSED_SHUTTING_DOWN }

    private final ServerAvailability availability;
    private final StateAnnouncer announcer;
    private final long drainNanos;
    private final boolean dropUpAnnouncements;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> scheduledEnd;
    private long downtimes;

    /**
     * @param drainNanos          how long the server keeps answering after it announced {@code d}
     * @param dropUpAnnouncements a fault on purpose: never announce {@code u}
     */
    public ManualDowntime(ServerAvailability availability, StateAnnouncer announcer, long drainNanos,
                          boolean dropUpAnnouncements) {
        this.availability = availability;
        this.announcer = announcer;
        this.drainNanos = drainNanos;
        this.dropUpAnnouncements = dropUpAnnouncements;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "manual-downtime");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Goes down for {@code seconds}, unless the server is already down for any reason. */
    public synchronized Result goDown(long seconds) {
        if (availability.isDown()) {
            return availability.isDownFor(Reason.SHUTDOWN) ? Result.REFUSED_SHUTTING_DOWN : Result.REFUSED_ALREADY_DOWN;
        }
        long now = System.nanoTime();
        long durationNanos = TimeUnit.SECONDS.toNanos(seconds);
        announcer.announce(availability.goDown(Reason.MANUAL, now, drainNanos, now + durationNanos));
        long downtime = ++downtimes;
        scheduledEnd = timer.schedule(() -> endOf(downtime), durationNanos, TimeUnit.NANOSECONDS);
        log.info("manual downtime: going down for %d s (asked through REST)".formatted(seconds));
        return Result.STARTED;
    }

    /** Ends a manual downtime early; refused when the server is not down, or down for another reason. */
    public synchronized Result comeUp() {
        if (availability.isDownFor(Reason.SHUTDOWN)) {
            return Result.REFUSED_SHUTTING_DOWN;
        }
        if (availability.isDownFor(Reason.ELECTION)) {
            return Result.REFUSED_ELECTION_DOWNTIME;
        }
        if (!availability.isDownFor(Reason.MANUAL)) {
            return Result.REFUSED_NOT_DOWN;
        }
        scheduledEnd.cancel(false);
        end("ended early through REST");
        return Result.ENDED;
    }

    /** The timer of downtime number {@code downtime} fired; a later downtime is not ended by an earlier timer. */
    private synchronized void endOf(long downtime) {
        if (downtime == downtimes && availability.isDownFor(Reason.MANUAL)) {
            end("over");
        }
    }

    private void end(String how) {
        var up = availability.comeUp(Reason.MANUAL);
        if (up == null) {
            log.info("manual downtime %s; still down (%s)".formatted(how, availability.reason()));
            return;
        }
        if (!dropUpAnnouncements) {
            announcer.announce(up);
        }
        log.info("manual downtime %s: back up%s".formatted(how, dropUpAnnouncements ? " (u not announced: fault injected)" : ""));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
