package io.ringlab.protocol;

/**
 * A health check from an agent; the server answers with its {@link ServerState}, even in planned downtime,
 * echoing the nonce. {@code target} is the name the agent knows the server by ({@code host:port} as configured):
 * the server seals its answers, and its announcements to this agent, under that name.
 */
public record Ping(long nonce, String target) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PING;
    }
}
