package io.ringlab.protocol;

/**
 * A server's state, sent to the agents that know it: the seed's {@code u} (up) and {@code d} (going down for
 * a while, here with the time left). The sequence grows with every state one server process sends and
 * starts from the process's start time, so that an agent can ignore a state older than one it has seen.
 *
 * @param echo the nonce of the health ping this state answers; 0 for an announcement
 */
public record ServerState(long sequence, boolean up, long remainingMillis, long echo) implements Frame {

    public static ServerState up(long sequence) {
        return new ServerState(sequence, true, 0, 0);
    }

    public static ServerState down(long sequence, long remainingMillis) {
        return new ServerState(sequence, false, remainingMillis, 0);
    }

    /** The same state as the answer to the ping with this nonce. */
    public ServerState answering(long nonce) {
        return new ServerState(sequence, up, remainingMillis, nonce);
    }

    @Override
    public FrameType type() {
        return FrameType.SERVER_STATE;
    }
}
