package io.ringlab.protocol;

import java.util.Arrays;

/** A request: the sender's request id and the payload to process. */
public record Request(long requestId, byte[] payload) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.REQUEST;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Request that && requestId == that.requestId && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(requestId) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Request[id=" + requestId + ", payload=" + Arrays.toString(payload) + "]";
    }
}
