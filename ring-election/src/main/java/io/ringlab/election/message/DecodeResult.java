package io.ringlab.election.message;

import java.util.Optional;

/** The outcome of decoding one datagram: a message, or the reason it is not one. Never an exception. */
public sealed interface DecodeResult {

    /** The message, if the datagram was one. */
    Optional<RingMessage> message();

    /** A well-formed ring message, and the ring configuration of its sender. */
    record Decoded(RingMessage ringMessage, ConfigurationId configuration) implements DecodeResult {
        @Override
        public Optional<RingMessage> message() {
            return Optional.of(ringMessage);
        }
    }

    /** Not a ring message; {@code detail} says where it went wrong. */
    record Malformed(Problem problem, String detail) implements DecodeResult {
        @Override
        public Optional<RingMessage> message() {
            return Optional.empty();
        }
    }

    /** Why a datagram is not a ring message. */
    enum Problem {
        /** Zero bytes. */
        EMPTY,
        /** Does not start with the RingLab magic {@code 'R' 'L'}. */
        NOT_A_FRAME,
        /** A version this build does not speak. */
        UNSUPPORTED_VERSION,
        /** A type byte that is not a ring message type. */
        UNKNOWN_TYPE,
        /** Ends before its fields do. */
        TRUNCATED,
        /**
         * A field out of range: empty or over-long id, bad UTF-8, negative duration, unknown code, a term above
         * {@link io.ringlab.election.message.RoundId#MAX_TERM}.
         */
        BAD_FIELD,
        /** Bytes left over after the last field. */
        TRAILING_BYTES
    }
}
