package io.ringlab.election;

import io.ringlab.election.message.Ack;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Down;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Veto;
import org.junit.jupiter.api.Test;

import static io.ringlab.election.NodeFixture.A;
import static io.ringlab.election.NodeFixture.B;
import static io.ringlab.election.NodeFixture.D;
import static io.ringlab.election.NodeFixture.E;
import static io.ringlab.election.NodeFixture.READY;
import static io.ringlab.election.NodeFixture.SECOND;
import static io.ringlab.election.NodeFixture.nominee;
import static io.ringlab.election.NodeFixture.round;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Advice that arrives late: a genuine {@code d} or veto the network lost, replayed by an adversary long after (it
 * passes the anti-replay window, which never saw it), or one delivered to a node that restarted since. Its
 * remaining time counts from its arrival, so a node that has moved on to a later round ignores it.
 */
class LateAdviceTest {

    @Test
    void downOfARoundTheNodeHasLeftBehindIsAcknowledgedButBlocksNothing() {
        NodeFixture c = new NodeFixture(10, 20).at(READY);
        c.receive(new Election(B, round(5, A), Direction.RIGHT, nominee(A, 100), 100));
        c.drain();

        c.receive(new Down(E, round(3, E), 500, 10 * SECOND, 3));

        assertThat(c.drain(Ack.class)).extracting(Ack::token).containsExactly(3L);
        assertThat(c.node.status(c.now).quietForNanos()).isZero();
        assertThat(c.node.status(c.now).round()).isEqualTo(round(5, A));
    }

    @Test
    void vetoOfARoundTheNodeHasLeftBehindIsIgnored() {
        NodeFixture c = new NodeFixture(10, 20).at(READY);
        c.receive(new Election(B, round(5, A), Direction.RIGHT, nominee(A, 100), 100));
        c.drain();

        c.receive(new Veto(D, round(3, E), E, 10 * SECOND, 0));

        assertThat(c.node.status(c.now).quietForNanos()).isZero();
        assertThat(c.node.status(c.now).phase()).isEqualTo("electing");
        assertThat(c.events).contains("ignored VETO: vetoes a round this node has left behind");
    }

    @Test
    void downOfTheCurrentOrALaterRoundIsStillHeeded() {
        NodeFixture c = new NodeFixture(10, 20).at(READY);
        c.receive(new Election(B, round(5, A), Direction.RIGHT, nominee(A, 100), 100));

        c.receive(new Down(A, round(5, A), 500, 10 * SECOND, 3));

        assertThat(c.node.status(c.now).quietForNanos()).isEqualTo(10 * SECOND);
    }
}
