package io.ringlab.election.message;

/**
 * Seed {@code d}: the sender won {@code round} with {@code value}, holds a majority of down permits and
 * is down for {@code remainingNanos} more. This commits the round.
 */
public record Down(String sender, RoundId round, long value, long remainingNanos, long token) implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.DOWN;
    }
}
