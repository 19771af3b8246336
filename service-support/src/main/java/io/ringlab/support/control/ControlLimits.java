package io.ringlab.support.control;

/**
 * The bounds of the services' controls, checked by the service that applies a control and by the dashboard before
 * it forwards one, so both refuse the same values.
 */
public final class ControlLimits {

    /** The longest manual downtime of a server, {@code POST /api/server/down}. */
    public static final int MAX_DOWN_SECONDS = 3600;
    /** The most closed-loop worker threads of a load client. */
    public static final int MAX_THREADS = 100_000;
    /** The highest open-loop rate of a load client, requests per second: one sending thread cannot pace more. */
    public static final double MAX_RATE = 1_000_000;
    /** {@link #MAX_RATE} as an annotation needs it. */
    public static final String MAX_RATE_TEXT = "1000000";

    private ControlLimits() {}
}
