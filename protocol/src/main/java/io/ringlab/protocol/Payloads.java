package io.ringlab.protocol;

/** What a ring server does to a request: the seed reverses the payload, {@code [1,2,3]} to {@code [3,2,1]}. */
public final class Payloads {

    private Payloads() {}

    public static byte[] reverse(byte[] payload) {
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = payload[payload.length - 1 - i];
        }
        return out;
    }

    /** True when {@code reply} is {@code request} reversed. */
    public static boolean isReverseOf(byte[] reply, byte[] request) {
        if (reply.length != request.length) {
            return false;
        }
        for (int i = 0; i < reply.length; i++) {
            if (reply[i] != request[request.length - 1 - i]) {
                return false;
            }
        }
        return true;
    }
}
