package io.ringlab.election;

import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Result;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.node.RingNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.ringlab.election.NodeFixture.B;
import static io.ringlab.election.NodeFixture.C;
import static io.ringlab.election.NodeFixture.READY;
import static io.ringlab.election.NodeFixture.RING;
import static io.ringlab.election.NodeFixture.nominee;
import static io.ringlab.election.NodeFixture.round;
import static org.assertj.core.api.Assertions.assertThat;

/** Every token a node sends is drawn from its injected Random (a SecureRandom in the server), none counted up. */
class UnpredictableTokensTest {

    /** Records every 64-bit draw. */
    private static final class RecordingRandom extends Random {
        final Set<Long> drawn = new HashSet<>();

        RecordingRandom() {
            super(3);
        }

        @Override
        public long nextLong() {
            long value = super.nextLong();
            drawn.add(value);
            return value;
        }
    }

    @Test
    void helloElectionResultAndAskTokensAreAllDrawnFromTheInjectedRandom() {
        RecordingRandom random = new RecordingRandom();
        List<RingMessage> sent = new ArrayList<>();
        RingNode c = new RingNode(
                C,
                RING,
                ElectionSettings.defaults().withPeriodicEnabled(false),
                random,
                (to, message) -> sent.add(message),
                new RingListener() {});
        c.onTick(0);
        c.onMessage(new Election(B, round(1, NodeFixture.A), Direction.RIGHT, nominee(NodeFixture.A, 1), 100), READY);
        c.onMessage(
                new Election(NodeFixture.D, round(1, NodeFixture.A), Direction.LEFT, nominee(NodeFixture.A, 1), 200),
                READY);

        List<Long> tokens = new ArrayList<>();
        for (RingMessage message : sent) {
            if (message instanceof Hello m) {
                tokens.add(m.token());
            } else if (message instanceof Election m) {
                tokens.add(m.token());
            } else if (message instanceof Result m) {
                tokens.add(m.token());
            } else if (message instanceof LeaseRequest m) {
                tokens.add(m.token());
            }
        }

        assertThat(tokens).hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates();
        assertThat(random.drawn).containsAll(tokens);
    }
}
