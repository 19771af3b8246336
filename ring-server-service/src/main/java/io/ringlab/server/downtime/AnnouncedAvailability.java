package io.ringlab.server.downtime;

import io.ringlab.protocol.ServerState;
import io.ringlab.server.downtime.ServerAvailability.Reason;

/**
 * The one path by which this server goes down and comes up, whatever the reason (an election, an operator,
 * shutdown): the change is made in {@link ServerAvailability} and the state it makes is told to the agents
 * ({@code d}, then {@code u} when the last reason is over).
 */
public class AnnouncedAvailability {

    /** What became of a reason's end. */
    public enum CameUp {
        /** back up, and {@code u} announced */
        ANNOUNCED,
        /** back up, but {@code u} not announced: the fault {@code drop-up-announcements} is on */
        NOT_ANNOUNCED,
        /** another reason still holds: still down, nothing announced */
        STILL_DOWN;

        /** How a log line ends that says the server is back up. */
        public String logNote() {
            return this == NOT_ANNOUNCED ? " (u not announced: fault injected)" : "";
        }
    }

    private final ServerAvailability availability;
    private final StateAnnouncer announcer;
    private final long drainNanos;
    private final boolean dropUpAnnouncements;

    /**
     * @param drainNanos          how long the server keeps answering after it announced {@code d}
     * @param dropUpAnnouncements a fault on purpose: never announce {@code u}
     */
    public AnnouncedAvailability(
            ServerAvailability availability, StateAnnouncer announcer, long drainNanos, boolean dropUpAnnouncements) {
        this.availability = availability;
        this.announcer = announcer;
        this.drainNanos = drainNanos;
        this.dropUpAnnouncements = dropUpAnnouncements;
    }

    /** Down for {@code reason} until {@code untilNanos}; announces {@code d}. */
    public void goDown(Reason reason, long nowNanos, long untilNanos) {
        announcer.announce(availability.goDown(reason, nowNanos, drainNanos, untilNanos));
    }

    /** {@code reason} is over: comes up and announces {@code u}, unless another reason holds. */
    public CameUp comeUp(Reason reason) {
        ServerState up = availability.comeUp(reason);
        if (up == null) {
            return CameUp.STILL_DOWN;
        }
        if (dropUpAnnouncements) {
            return CameUp.NOT_ANNOUNCED;
        }
        announcer.announce(up);
        return CameUp.ANNOUNCED;
    }

    /** Shutting down: down for good, answering only for the drain; announces {@code d}. */
    public void leave(long nowNanos) {
        announcer.announce(availability.leave(nowNanos, drainNanos));
    }

    public long drainNanos() {
        return drainNanos;
    }

    public ServerAvailability availability() {
        return availability;
    }
}
