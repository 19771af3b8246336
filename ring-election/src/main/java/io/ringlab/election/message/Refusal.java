package io.ringlab.election.message;

/** A down permit refused, with the reason and how long the refusal will last if known (else 0). */
public record Refusal(
        String sender, RoundId round, String winner, RefusalReason reason, long retryAfterNanos, long token)
        implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.REFUSAL;
    }
}
