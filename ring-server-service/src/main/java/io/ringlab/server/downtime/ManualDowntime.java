package io.ringlab.server.downtime;

import io.ringlab.server.downtime.AnnouncedAvailability.CameUp;
import io.ringlab.server.downtime.ServerAvailability.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Planned downtime an operator asks for through REST, carried out exactly as an election winner's: announce
 * {@code d} to the agents, drain, answer nothing but health pings, and announce {@code u} when it is over. It
 * can be ended early; a downtime the election started cannot, because the ring's other servers hold down
 * permits (leases) for it and would let another winner go down only once it is over.
 *
 * <p>It is outside the election: the ring does not know of it, so a server taken down here while an election
 * winner is down makes two servers down at once. That is the operator's call.
 */
public class ManualDowntime {

    private static final Log log = LogFactory.getLog(ManualDowntime.class);

    /** What became of a request to go down or come up. */
    public enum Result {
        STARTED,
        ENDED,
        REFUSED_ALREADY_DOWN,
        REFUSED_NOT_DOWN,
        REFUSED_ELECTION_DOWNTIME,
        REFUSED_SHUTTING_DOWN
    }

    private final AnnouncedAvailability changes;
    private final ServerAvailability availability;
    private final LongSupplier nanoTime;
    private final Scheduler scheduler;
    private Scheduler.Cancellable scheduledEnd;
    private long downtimes;

    /**
     * @param nanoTime  the clock, monotonic like {@link System#nanoTime()}
     * @param scheduler ends each downtime when it is over, on the same clock
     */
    public ManualDowntime(AnnouncedAvailability changes, LongSupplier nanoTime, Scheduler scheduler) {
        this.changes = changes;
        this.availability = changes.availability();
        this.nanoTime = nanoTime;
        this.scheduler = scheduler;
    }

    /** Goes down for {@code seconds}, unless the server is already down for any reason. */
    public synchronized Result goDown(long seconds) {
        if (availability.isDown()) {
            return availability.isDownFor(Reason.SHUTDOWN) ? Result.REFUSED_SHUTTING_DOWN : Result.REFUSED_ALREADY_DOWN;
        }
        long now = nanoTime.getAsLong();
        long durationNanos = TimeUnit.SECONDS.toNanos(seconds);
        changes.goDown(Reason.MANUAL, now, now + durationNanos);
        long downtime = ++downtimes;
        scheduledEnd = scheduler.schedule(() -> endOf(downtime), durationNanos);
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
        scheduledEnd.cancel();
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
        CameUp up = changes.comeUp(Reason.MANUAL);
        if (up == CameUp.STILL_DOWN) {
            log.info("manual downtime %s; still down (%s)".formatted(how, availability.reason()));
            return;
        }
        log.info("manual downtime %s: back up%s".formatted(how, up.logNote()));
    }
}
