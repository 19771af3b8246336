package io.ringlab.agent.balancing;

/** Chooses the server for the next request. Pure: no I/O, no clock, safe to call from many threads. */
public interface BalancingStrategy {

    /** The index of the chosen server, or {@code -1} when no server is up. */
    int choose(ServerView servers);

    String name();
}
