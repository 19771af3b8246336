package io.ringlab.agent.balancing;

/** What a balancing strategy may look at: the servers by index and which of them are up. */
public interface ServerView {

    int size();

    boolean isUp(int index);
}
