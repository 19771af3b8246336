package io.ringlab.dashboard.timeline;

/** A server's state from {@code t} (milliseconds since the epoch) until its next change. */
public record StateChange(long t, String state) {}
