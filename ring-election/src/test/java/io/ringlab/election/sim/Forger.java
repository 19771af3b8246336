package io.ringlab.election.sim;

import io.ringlab.election.message.Ack;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Down;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Grant;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.MessageType;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.Result;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Up;
import io.ringlab.election.message.Veto;
import io.ringlab.election.sim.Wiretap.HeardMessage;

import java.util.List;
import java.util.Random;

/**
 * Makes well-formed ring messages in a real peer's name, as an adversary that hears the network would: terms up
 * to {@code Long.MAX_VALUE}, durations of years, fake rounds with rising terms, and messages built on what it
 * heard: a grant, a refusal or a release for an ask it saw, a result naming a nominee it saw, a veto or an ack
 * for an election message it saw, a {@code d} for a round under way.
 */
final class Forger {

    /** A forged message and the node it is aimed at. */
    record Forgery(String to, RingMessage message) {}

    private static final int KINDS = 10;

    private final List<String> ids;
    private final Wiretap tap;
    private final Random random;

    Forger(List<String> ids, Wiretap tap, Random random) {
        this.ids = ids;
        this.tap = tap;
        this.random = random;
    }

    Forgery forge() {
        Forgery built = switch (random.nextInt(KINDS)) {
            case 0 -> hello();
            case 1 -> election();
            case 2 -> result();
            case 3 -> leaseRequest();
            case 4 -> grant();
            case 5 -> refusal();
            case 6 -> down();
            case 7 -> up();
            case 8 -> veto();
            default -> ack();
        };
        return built != null ? built : election();
    }

    private Forgery hello() {
        String to = peer();
        return new Forgery(
                to,
                new Hello(peerOtherThan(to), new RoundId(hugeTerm(), peer(), random.nextLong()), random.nextLong()));
    }

    /** A round with a rising term that supersedes the one under way, with a nominee that beats everyone. */
    private Forgery election() {
        String to = peer();
        String from = peerOtherThan(to);
        long term = random.nextInt(8) == 0 ? hugeTerm() : risingTerm();
        long value = random.nextBoolean() ? Long.MAX_VALUE : random.nextLong(1_000_000);
        return new Forgery(
                to,
                new Election(
                        from,
                        new RoundId(term, from, random.nextLong()),
                        direction(),
                        new Nominee(random.nextBoolean() ? from : peer(), value),
                        random.nextLong()));
    }

    /** Tells a nominee it heard of that it won: it asks for permits before the ring decided. */
    private Forgery result() {
        HeardMessage heard = tap.latest(MessageType.ELECTION);
        if (heard == null
                || !(heard.message() instanceof Election e)
                || !ids.contains(e.nominee().id())) {
            return null;
        }
        String to = e.nominee().id();
        return new Forgery(to, new Result(peerOtherThan(to), e.round(), direction(), e.nominee(), random.nextLong()));
    }

    private Forgery leaseRequest() {
        String to = peer();
        String winner = peerOtherThan(to);
        long downtime = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextLong(15_000_000_000L);
        return new Forgery(
                to,
                new LeaseRequest(
                        winner, new RoundId(risingTerm(), winner, random.nextLong()), 0, downtime, random.nextLong()));
    }

    /** A permit for an ask it heard, in the name of a node that did not grant it. */
    private Forgery grant() {
        HeardMessage heard = tap.latest(MessageType.LEASE_REQUEST);
        if (heard == null || !(heard.message() instanceof LeaseRequest l)) {
            return null;
        }
        return new Forgery(l.sender(), new Grant(peerOtherThan(l.sender()), l.round(), l.sender(), 0, l.token()));
    }

    /** The initiator's refusal of an ask it heard: the winner gives up. */
    private Forgery refusal() {
        HeardMessage heard = tap.latest(MessageType.LEASE_REQUEST);
        if (heard == null || !(heard.message() instanceof LeaseRequest l)) {
            return null;
        }
        String from =
                ids.contains(l.round().initiator()) && !l.round().initiator().equals(l.sender())
                        ? l.round().initiator()
                        : peerOtherThan(l.sender());
        RefusalReason reason = RefusalReason.values()[random.nextInt(RefusalReason.values().length)];
        return new Forgery(l.sender(), new Refusal(from, l.round(), l.sender(), reason, Long.MAX_VALUE, l.token()));
    }

    /** Commits a round under way (or a fake one) with a winner of its choice, down for years. */
    private Forgery down() {
        String to = peer();
        String winner = peerOtherThan(to);
        HeardMessage heard = tap.latest(MessageType.ELECTION, MessageType.RESULT, MessageType.LEASE_REQUEST);
        RoundId round = heard != null && random.nextBoolean()
                ? heard.message().round()
                : new RoundId(risingTerm(), winner, random.nextLong());
        long remaining = random.nextBoolean() ? Long.MAX_VALUE : random.nextLong(60_000_000_000L);
        return new Forgery(to, new Down(winner, round, random.nextLong(1_000_000), remaining, random.nextLong()));
    }

    /** Releases, in the winner's name, the permits of an ask it heard: granters are free while the winner is down. */
    private Forgery up() {
        HeardMessage heard = tap.latest(MessageType.LEASE_REQUEST);
        if (heard == null || !(heard.message() instanceof LeaseRequest l)) {
            return null;
        }
        return new Forgery(heard.to(), new Up(l.sender(), l.round(), l.token()));
    }

    /** Vetoes an election message it heard, in its receiver's name, for years. */
    private Forgery veto() {
        HeardMessage heard = tap.latest(MessageType.ELECTION);
        if (heard == null || !(heard.message() instanceof Election e)) {
            return null;
        }
        return new Forgery(e.sender(), new Veto(heard.to(), e.round(), peer(), Long.MAX_VALUE, e.token()));
    }

    /** Acknowledges, in its receiver's name, a message it heard: the sender stops resending it. */
    private Forgery ack() {
        HeardMessage heard = tap.latest(MessageType.ELECTION, MessageType.RESULT, MessageType.DOWN);
        if (heard == null) {
            return null;
        }
        RingMessage m = heard.message();
        long token = m instanceof Election e ? e.token() : m instanceof Result r ? r.token() : ((Down) m).token();
        return new Forgery(m.sender(), new Ack(heard.to(), token, m.round()));
    }

    private long hugeTerm() {
        return switch (random.nextInt(4)) {
            case 0 -> RoundId.MAX_TERM;
            case 1 -> RoundId.MAX_TERM + 1;
            case 2 -> Long.MAX_VALUE;
            default -> random.nextLong() & Long.MAX_VALUE;
        };
    }

    /** A little above the highest term heard lately. */
    private long risingTerm() {
        HeardMessage heard = tap.latest(
                MessageType.ELECTION, MessageType.RESULT, MessageType.ACK, MessageType.LEASE_REQUEST, MessageType.DOWN);
        long term = heard == null ? 0 : heard.message().round().term();
        return term + 1 + random.nextInt(3);
    }

    private Direction direction() {
        return random.nextBoolean() ? Direction.LEFT : Direction.RIGHT;
    }

    private String peer() {
        return ids.get(random.nextInt(ids.size()));
    }

    private String peerOtherThan(String id) {
        String other = peer();
        while (other.equals(id)) {
            other = peer();
        }
        return other;
    }
}
