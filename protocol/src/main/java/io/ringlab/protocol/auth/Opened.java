package io.ringlab.protocol.auth;

import io.ringlab.protocol.DropReason;

/** What {@link FrameAuthenticator#open} made of a datagram: an authentic frame, or the reason it is not one. */
public sealed interface Opened {

    /**
     * A frame sealed by a member holding an accepted key, seen for the first time.
     *
     * @param sender      the member that sealed it
     * @param incarnation the sender process's incarnation
     * @param frameLength the frame is {@code datagram[0, frameLength)}; decode that
     */
    record Authentic(String sender, long incarnation, long sequence, int frameLength) implements Opened {}

    /** {@link DropReason#AUTH_FAILED} or {@link DropReason#REPLAYED}. */
    record Rejected(DropReason reason) implements Opened {}
}
