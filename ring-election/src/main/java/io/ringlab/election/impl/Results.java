package io.ringlab.election.impl;

import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.Result;

/** Seed {@code r,<addr>,<val>}: decides a round's result and passes it around the ring. */
final class Results {

    private final Node node;
    private final Permits permits;

    Results(Node node, Permits permits) {
        this.node = node;
        this.permits = permits;
    }

    /** This node received {@code winner} from both sides: the result goes both ways. */
    void decide(RoundState round, Nominee winner, long now) {
        known(round, winner, now);
        for (Direction toward : Direction.values()) {
            send(round, toward, now);
        }
        askIfWon(round, now);
    }

    /** A result arrived from side {@code from}: it travels on to the other side unless it came from there. */
    void received(RoundState round, Nominee winner, Direction from, long now) {
        known(round, winner, now);
        round.resultFrom.add(from);
        Direction toward = from.opposite();
        if (!round.resultFrom.contains(toward) && !round.resultSent.contains(toward)) {
            send(round, toward, now);
        }
        askIfWon(round, now);
    }

    private void known(RoundState round, Nominee winner, long now) {
        round.result = winner;
        round.phase = Phase.RESULT_KNOWN;
        round.deadline = now + node.timing().permitTimeout() + node.timing().roundTimeout();
    }

    private void send(RoundState round, Direction toward, long now) {
        round.resultSent.add(toward);
        long token = node.token();
        node.sendToward(toward, new Result(node.self(), round.id, toward, round.result, token), token, now);
    }

    private void askIfWon(RoundState round, long now) {
        if (round.result.equals(round.self)) {
            permits.beginAsk(now);
        }
    }
}
