package io.ringlab.server.transport;

import io.ringlab.election.message.MessageType;
import io.ringlab.protocol.FrameCodec;

/**
 * Tells ring messages (between servers) from requests, by the frame's type byte, in a frame of the version this
 * server speaks: a frame of another version goes the requests' way, where it is counted {@code unsupported-version}
 * whatever its type byte says.
 */
public final class RingDatagrams {

    private RingDatagrams() {}

    public static boolean isRingMessage(byte[] datagram) {
        return datagram.length >= FrameCodec.HEADER_LENGTH
                && FrameCodec.looksFramed(datagram, datagram.length)
                && datagram[2] == FrameCodec.VERSION
                && MessageType.fromCode(datagram[3]) != null;
    }
}
