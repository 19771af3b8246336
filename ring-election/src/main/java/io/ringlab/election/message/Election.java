package io.ringlab.election.message;

/** Seed {@code e,<addr>,<val>}: the best nominee the sender knows on the side it came from, travelling on. */
public record Election(String sender, RoundId round, Direction direction, Nominee nominee, long token)
        implements RingMessage {

    @Override
    public MessageType type() {
        return MessageType.ELECTION;
    }
}
