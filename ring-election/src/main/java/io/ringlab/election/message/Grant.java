package io.ringlab.election.message;

/**
 * A down permit for {@code winner} in {@code round}, answering the ask {@code token}. The granter holds
 * no other permit until downtime + guard have passed on its own clock. {@code granterValue} is the
 * granter's own value in the round (the winner checks it is lower).
 */
public record Grant(String sender, RoundId round, String winner, long granterValue, long token) implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.GRANT;
    }
}
