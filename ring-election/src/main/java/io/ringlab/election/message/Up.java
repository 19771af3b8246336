package io.ringlab.election.message;

/**
 * Seed {@code u}: the sender is up again after {@code round}, or gave up its ask: the permits granted to
 * its ask {@code askToken} are released.
 */
public record Up(String sender, RoundId round, long askToken) implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.UP;
    }
}
