package io.ringlab.server.serving;

/** What the request path needs to know of planned downtime and of this server's state. */
public interface PlannedDowntime {

    /** True while this server answers no request (in planned downtime, or shutting down, past the drain). */
    boolean silent(long nowNanos);

    /**
     * A state frame with this server's state now: the answer to a health ping, and to an agent that sends a
     * request while this server is down.
     */
    byte[] state(long nowNanos);
}
