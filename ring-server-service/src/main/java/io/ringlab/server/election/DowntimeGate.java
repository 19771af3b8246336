package io.ringlab.server.election;

import io.ringlab.server.serving.PlannedDowntime;

/** Planned downtime as the request path sees it: silent past the drain, and the {@code d} state to tell. */
class DowntimeGate implements PlannedDowntime {

    private final ServerAvailability availability;
    private final StateAnnouncer announcer;

    DowntimeGate(ServerAvailability availability, StateAnnouncer announcer) {
        this.availability = availability;
        this.announcer = announcer;
    }

    @Override
    public boolean silent(long nowNanos) {
        return availability.answersNothing(nowNanos);
    }

    @Override
    public byte[] downState(long nowNanos) {
        return announcer.downState(availability.remainingNanos(nowNanos));
    }
}
