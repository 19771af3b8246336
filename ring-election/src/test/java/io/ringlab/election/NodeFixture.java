package io.ringlab.election;

import io.ringlab.election.message.Ack;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.node.RingNode;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * One node under test, {@code c} in the ring {@code a b c d e} (left neighbour {@code b}, right {@code d}),
 * with scripted values, a recording transport and listener, and a clock the test moves.
 */
final class NodeFixture {

    static final String A = "a:1";
    static final String B = "b:1";
    static final String C = "c:1";
    static final String D = "d:1";
    static final String E = "e:1";
    static final List<String> RING = List.of(A, B, C, D, E);
    static final long SECOND = 1_000_000_000L;
    /** After the restart wait (downtime 15 s + guard 1 s). */
    static final long READY = 20 * SECOND;

    record Sent(String to, RingMessage message) {}

    /** Draws scripted values first, then pseudo-random ones. */
    static final class ScriptedRandom extends Random {
        final Deque<Long> values = new ArrayDeque<>();

        ScriptedRandom() {
            super(7);
        }

        @Override
        public long nextLong(long bound) {
            return values.isEmpty() ? super.nextLong(bound) : values.poll();
        }
    }

    final ScriptedRandom random = new ScriptedRandom();
    final List<Sent> sent = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final RingNode node;
    long now;

    NodeFixture(ElectionSettings settings, long... values) {
        for (long value : values) {
            random.values.add(value);
        }
        RingListener listener = new RingListener() {
            @Override
            public void wentDown(RoundId round, long untilNanos) {
                events.add("down " + round.term() + " for " + (untilNanos - now) / 1_000_000 + " ms");
            }

            @Override
            public void cameUp(RoundId round, long nowNanos) {
                events.add("up " + round.term());
            }

            @Override
            public void roundCompleted(RoundOutcome outcome) {
                events.add("completed " + outcome.round().term() + " " + outcome.winner() + "=" + outcome.value());
            }

            @Override
            public void ignored(RingMessage message, String reason) {
                events.add("ignored " + message.type() + ": " + reason);
            }

            @Override
            public void permitRefused(RoundId round, String winner, io.ringlab.election.message.RefusalReason reason) {
                events.add("refused " + winner + " " + reason);
            }
        };
        node = new RingNode(C, RING, settings, random, (to, message) -> sent.add(new Sent(to, message)), listener);
        node.onTick(0);
        // every peer answers the node's first hello, so that it probes nobody unless a test makes it
        for (Sent hello : List.copyOf(sent)) {
            node.onMessage(new Ack(hello.to(), ((Hello) hello.message()).token(), RoundId.NONE), 0);
        }
        sent.clear();
        events.clear();
    }

    NodeFixture(long... values) {
        this(ElectionSettings.defaults().withPeriodicEnabled(false), values);
    }

    static RoundId round(long term, String initiator) {
        return new RoundId(term, initiator, 11);
    }

    static Nominee nominee(String id, long value) {
        return new Nominee(id, value);
    }

    NodeFixture at(long nanos) {
        now = nanos;
        node.onTick(now);
        return this;
    }

    void receive(RingMessage message) {
        node.onMessage(message, now);
    }

    /** The messages sent since the last call, and forgets them. */
    List<Sent> drain() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    <T extends RingMessage> List<T> drain(Class<T> type) {
        return drain().stream()
                .map(Sent::message)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static ElectionSettings periodic(Duration interval) {
        return ElectionSettings.defaults().withInterval(interval);
    }
}
