package io.ringlab.agent.routing;

/**
 * Told of every reply taken from a server, with the time from sending the try it answers to its arrival (the
 * agent's upstream response time). Called on the reply path: implementations must neither allocate nor block.
 */
@FunctionalInterface
public interface ReplyTimes {

    ReplyTimes NONE = (server, nanos) -> {};

    /** @param server the replying server's slot, as {@link Backend#index()} */
    void replied(int server, long nanos);
}
