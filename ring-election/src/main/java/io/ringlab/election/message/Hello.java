package io.ringlab.election.message;

/** A probe, answered by an {@link Ack}; {@code round} is the sender's current round. */
public record Hello(String sender, RoundId round, long token) implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
