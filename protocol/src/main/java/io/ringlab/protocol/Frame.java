package io.ringlab.protocol;

/** A decoded RingLab frame. */
public sealed interface Frame permits Request, Reply, ServerState, Ping {

    FrameType type();
}
