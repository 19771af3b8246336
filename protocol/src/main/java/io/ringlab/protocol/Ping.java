package io.ringlab.protocol;

/** A health check from an agent; the server answers with its {@link ServerState}, even in planned downtime. */
public record Ping(long nonce) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PING;
    }
}
