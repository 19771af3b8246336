package io.ringlab.system;

import io.ringlab.protocol.FrameCodec;

import java.util.Random;

/** Datagrams that are not valid requests, one per drop reason. */
final class MalformedInput {

    static final byte[] EMPTY = new byte[0];
    static final byte[] TRUNCATED_HEADER = {'R', 'L', 1};
    static final byte[] TRUNCATED_ID = {'R', 'L', 1, 'q', 0, 0, 0};
    static final byte[] BAD_VERSION = {'R', 'L', 9, 'q', 0, 0, 0, 0, 0, 0, 0, 1};
    static final byte[] UNKNOWN_TYPE = {'R', 'L', 1, 'z', 0, 0, 0, 0, 0, 0, 0, 1};

    private MalformedInput() {}

    /** Random bytes that start with the frame magic, so they are meant as a frame and fail as one. */
    static byte[] corruptFrame(Random random) {
        byte[] bytes = new byte[4 + random.nextInt(40)];
        random.nextBytes(bytes);
        bytes[0] = FrameCodec.MAGIC_0;
        bytes[1] = FrameCodec.MAGIC_1;
        bytes[2] = (byte) (FrameCodec.VERSION + 1 + random.nextInt(100));
        return bytes;
    }

    static byte[] oversized(int maxDatagramSize) {
        byte[] bytes = new byte[maxDatagramSize + 1];
        bytes[0] = FrameCodec.MAGIC_0;
        return bytes;
    }
}
