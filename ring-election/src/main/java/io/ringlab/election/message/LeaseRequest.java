package io.ringlab.election.message;

/**
 * The winner of {@code round} (the sender, with {@code value}) asks for a down permit for
 * {@code downtimeNanos}. {@code token} names this ask; grants and releases echo it.
 */
public record LeaseRequest(String sender, RoundId round, long value, long downtimeNanos, long token)
        implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.LEASE_REQUEST;
    }
}
