package io.ringlab.server.election;

/**
 * Whether this server is in planned downtime, and whether it still answers. Written by the election thread,
 * read by the request path. A winner first announces {@code d}, then keeps answering for a short drain so
 * that the requests agents sent before they heard the {@code d} are not lost, then answers nothing until
 * it is up again.
 */
public class ServerAvailability {

    private volatile boolean down;
    private volatile long silentFromNanos;
    private volatile long downUntilNanos;

    void goDown(long nowNanos, long drainNanos, long untilNanos) {
        silentFromNanos = nowNanos + drainNanos;
        downUntilNanos = untilNanos;
        down = true;
    }

    void comeUp() {
        down = false;
    }

    public boolean isDown() {
        return down;
    }

    /** True once the drain after going down is over: requests then go unanswered. */
    public boolean answersNothing(long nowNanos) {
        return down && nowNanos - silentFromNanos >= 0;
    }

    public long remainingNanos(long nowNanos) {
        return down ? Math.max(0, downUntilNanos - nowNanos) : 0;
    }
}
