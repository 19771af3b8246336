package io.ringlab.server.serving;

/** What the request path needs to know of planned downtime. */
public interface PlannedDowntime {

    /** No planned downtime ever: a server without a ring. */
    PlannedDowntime NONE = new PlannedDowntime() {
        @Override
        public boolean silent(long nowNanos) {
            return false;
        }

        @Override
        public byte[] downState(long nowNanos) {
            throw new IllegalStateException("never down");
        }
    };

    /** True while this server answers no request (in planned downtime, past the drain). */
    boolean silent(long nowNanos);

    /** A state frame telling an agent this server is down, and for how long. */
    byte[] downState(long nowNanos);
}
