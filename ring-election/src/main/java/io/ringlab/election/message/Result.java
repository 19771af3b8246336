package io.ringlab.election.message;

/** Seed {@code r,<addr>,<val>}: the nominee a node received from both sides, travelling around the ring. */
public record Result(String sender, RoundId round, Direction direction, Nominee winner, long token)
        implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.RESULT;
    }
}
