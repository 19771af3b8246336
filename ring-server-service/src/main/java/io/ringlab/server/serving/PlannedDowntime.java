package io.ringlab.server.serving;

import io.ringlab.protocol.ServerState;

/** What the request path needs to know of planned downtime and of this server's state. */
public interface PlannedDowntime {

    /** True while this server answers no request (in planned downtime, or shutting down, past the drain). */
    boolean silent(long nowNanos);

    /** This server's state now: the answer to a health ping. */
    ServerState state(long nowNanos);
}
