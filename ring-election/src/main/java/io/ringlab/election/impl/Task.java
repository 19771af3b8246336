package io.ringlab.election.impl;

/** One timer concern: runs when due, and says when it is due next. */
interface Task {

    void run(long now);

    /** When {@link #run} has work next ({@link Timing#NEVER} if none). */
    long dueAt();
}
