package io.ringlab.election.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends big-endian fields to a growing byte array. */
final class WireWriter {

    private byte[] bytes = new byte[96];
    private int length;

    WireWriter u8(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    WireWriter i64(long value) {
        ensure(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** A node id: one length byte, then 0 to 255 bytes of UTF-8. */
    WireWriter id(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > RingMessageCodec.MAX_ID_BYTES) {
            throw new IllegalArgumentException("node id '" + id + "' is longer than 255 bytes of UTF-8");
        }
        u8(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    WireWriter round(RoundId round) {
        return i64(round.term()).id(round.initiator()).i64(round.incarnation());
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
