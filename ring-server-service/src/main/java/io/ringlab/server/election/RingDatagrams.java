package io.ringlab.server.election;

import io.ringlab.election.message.MessageType;
import io.ringlab.protocol.FrameCodec;

/** Tells ring messages (between servers) from requests, by the frame's type byte. */
public final class RingDatagrams {

    private RingDatagrams() {
    }

    public static boolean isRingMessage(byte[] datagram) {
        return datagram.length >= FrameCodec.HEADER_LENGTH
                && FrameCodec.looksFramed(datagram, datagram.length)
                && MessageType.fromCode(datagram[3]) != null;
    }
}
