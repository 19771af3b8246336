package io.ringlab.protocol;

/**
 * The outcome of decoding one datagram: a frame, a raw (seed-style, unframed) datagram, or an
 * invalid one with the reason. Decoding never throws: bad input is data.
 */
public sealed interface Decoded {

    /**
     * Why a receiver that wanted a frame of some type drops this outcome: the reason of an invalid datagram,
     * {@code not-a-frame} for a raw one, {@code unexpected-type} for a frame it has no use for.
     */
    DropReason dropReason();

    /** A well-formed RingLab frame. */
    record Framed(Frame frame) implements Decoded {

        @Override
        public DropReason dropReason() {
            return DropReason.UNEXPECTED_TYPE;
        }
    }

    /** A datagram that does not start with the RingLab magic: a seed-compatible raw request. */
    record Raw(byte[] payload) implements Decoded {

        @Override
        public DropReason dropReason() {
            return DropReason.NOT_A_FRAME;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Raw that && java.util.Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Raw" + java.util.Arrays.toString(payload);
        }
    }

    /** A datagram that starts like a frame but is not a valid one. */
    record Invalid(DropReason reason) implements Decoded {

        @Override
        public DropReason dropReason() {
            return reason;
        }
    }
}
