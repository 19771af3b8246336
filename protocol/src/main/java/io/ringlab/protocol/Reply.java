package io.ringlab.protocol;

import java.util.Arrays;

/** A reply: the request id it answers and the processed payload. */
public record Reply(long requestId, byte[] payload) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.REPLY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reply that && requestId == that.requestId && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(requestId) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Reply[id=" + requestId + ", payload=" + Arrays.toString(payload) + "]";
    }
}
