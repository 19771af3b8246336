package io.ringlab.agent.balancing;

/** What a balancing strategy may look at: the servers by index, which are up, and their load. */
public interface ServerView {

    int size();

    boolean isUp(int index);

    /** Requests sent to the server and not yet answered or given up. */
    int outstanding(int index);

    /** Exponentially weighted moving average of the server's response time; 0 before its first reply. */
    long latencyEwmaNanos(int index);

    /** Relative weight for weighted round robin (1 or more). */
    int weight(int index);
}
