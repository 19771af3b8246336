package io.ringlab.election.message;

/**
 * Answers an election message of {@code round} that must not run: {@code downNode} is (or may be) in
 * planned downtime for {@code remainingNanos} more. {@code token} is the election message's token, so a
 * veto also acknowledges it.
 */
public record Veto(String sender, RoundId round, String downNode, long remainingNanos, long token)
        implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.VETO;
    }
}
