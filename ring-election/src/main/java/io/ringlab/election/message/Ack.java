package io.ringlab.election.message;

/**
 * Acknowledges the message with {@code token}; {@code round} is the acknowledging node's current round,
 * so a node that missed rounds learns the current term.
 */
public record Ack(String sender, long token, RoundId round) implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
