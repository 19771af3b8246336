package io.ringlab.server.downtime;

import io.ringlab.protocol.ServerState;
import io.ringlab.server.serving.PlannedDowntime;

/** Planned downtime as the request path sees it: silent past the drain, and the state to tell an agent. */
class DowntimeGate implements PlannedDowntime {

    private final ServerAvailability availability;

    DowntimeGate(ServerAvailability availability) {
        this.availability = availability;
    }

    @Override
    public boolean silent(long nowNanos) {
        return availability.answersNothing(nowNanos);
    }

    @Override
    public ServerState state(long nowNanos) {
        return availability.stateNow(nowNanos);
    }
}
