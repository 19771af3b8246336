package io.ringlab.protocol;

/**
 * A server's state, sent to the agents that know it: the seed's {@code u} (up) and {@code d} (going down for
 * a while, here with the time left). The sequence grows with every state one server process sends and
 * starts from the process's start time, so that an agent can ignore a state older than one it has seen.
 */
public record ServerState(long sequence, boolean up, long remainingMillis) implements Frame {

    public static ServerState up(long sequence) {
        return new ServerState(sequence, true, 0);
    }

    public static ServerState down(long sequence, long remainingMillis) {
        return new ServerState(sequence, false, remainingMillis);
    }

    @Override
    public FrameType type() {
        return FrameType.SERVER_STATE;
    }
}
