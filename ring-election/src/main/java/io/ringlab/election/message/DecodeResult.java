package io.ringlab.election.message;

import io.ringlab.protocol.DropReason;

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

    /**
     * Not a ring message: {@code reason} in the words of every decoder of the project ({@link DropReason}, as
     * {@link io.ringlab.protocol.Decoded.Invalid} says it of a frame), {@code detail} where it went wrong. A field
     * out of range (empty or over-long id, bad UTF-8, negative duration, unknown code, a term above
     * {@link RoundId#MAX_TERM}) or bytes left over after the last field are {@link DropReason#MALFORMED}.
     */
    record Malformed(DropReason reason, String detail) implements DecodeResult {
        @Override
        public Optional<RingMessage> message() {
            return Optional.empty();
        }
    }
}
