package io.ringlab.election;

import io.ringlab.election.message.Ack;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Grant;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.Result;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Up;
import io.ringlab.election.node.RingNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.ringlab.election.NodeFixture.A;
import static io.ringlab.election.NodeFixture.B;
import static io.ringlab.election.NodeFixture.C;
import static io.ringlab.election.NodeFixture.D;
import static io.ringlab.election.NodeFixture.READY;
import static io.ringlab.election.NodeFixture.RING;
import static io.ringlab.election.NodeFixture.SECOND;
import static io.ringlab.election.NodeFixture.nominee;
import static io.ringlab.election.NodeFixture.round;
import static org.assertj.core.api.Assertions.assertThat;

/** A node that hears of a member running another ring configuration holds: no round, no permit, for a while. */
class ConfigurationHoldTest {

    private static final long DOWNTIME = 15 * SECOND;
    /** Downtime 15 s + guard 1 s + two probe intervals of 1 s. */
    private static final long HOLD = 18 * SECOND;

    @Test
    void test_memberOfAnotherConfiguration_holdsRoundsAndPermitsForTheHold() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.node.onOtherConfiguration(D, c.now);

        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_CONFIGURATION_CHANGE);
        c.receive(new LeaseRequest(A, round(1, A), 100, DOWNTIME, 9));
        assertThat(c.drain(Refusal.class)).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.CONFIGURATION_CHANGE);
            assertThat(refusal.retryAfterNanos()).isEqualTo(HOLD);
        });
        NodeStatus status = c.node.status(c.now);
        assertThat(status.configurationChangeForNanos()).isEqualTo(HOLD);
        assertThat(status.suspected()).containsExactly(D);

        c.at(READY + HOLD - 1);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_CONFIGURATION_CHANGE);
        c.at(READY + HOLD);
        assertThat(c.node.status(c.now).configurationChangeForNanos()).isZero();
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }

    @Test
    void test_everyMessageOfAnotherConfiguration_extendsTheHold() {
        NodeFixture c = new NodeFixture(10).at(READY);
        c.node.onOtherConfiguration(D, c.now);

        c.at(READY + 10 * SECOND);
        c.node.onOtherConfiguration(D, c.now);
        c.at(READY + HOLD + SECOND);

        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_CONFIGURATION_CHANGE);
        assertThat(c.node.status(c.now).configurationChangeForNanos()).isEqualTo(9 * SECOND);
    }

    @Test
    void test_heldNode_keepsProbingTheMemberAndTakesItBackWhenItSharesTheConfiguration() {
        NodeFixture c = new NodeFixture(10).at(READY);
        c.node.onOtherConfiguration(D, c.now);

        c.at(READY + SECOND);
        List<Hello> probes = c.drain(Hello.class);
        assertThat(probes).hasSize(1);
        c.at(READY + 2 * SECOND);
        assertThat(c.drain()).extracting(NodeFixture.Sent::to).containsExactly(D);

        c.receive(new Ack(D, probes.get(0).token(), RoundId.NONE));
        assertThat(c.node.status(c.now).suspected()).isEmpty();
    }

    @Test
    void test_nonMemberOfAnotherConfiguration_isNoReasonToHold() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.node.onOtherConfiguration("x:1", c.now);

        assertThat(c.node.status(c.now).configurationChangeForNanos()).isZero();
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }

    @Test
    void test_winnerThatHoldsWhenItsMajorityArrives_givesUpAndReleases() {
        NodeFixture c = new NodeFixture(900).at(READY);
        c.receive(new Election(B, round(1, A), Direction.RIGHT, nominee(A, 100), 3));
        c.receive(new Result(B, round(1, A), Direction.RIGHT, nominee(C, 900), 5));
        long token = c.drain(LeaseRequest.class).get(0).token();

        c.node.onOtherConfiguration(D, c.now);
        c.receive(new Grant(A, round(1, A), C, 100, token));
        c.receive(new Grant(B, round(1, A), C, 10, token));

        assertThat(c.node.status(c.now).state()).isEqualTo(NodeStatus.State.UP);
        assertThat(c.events).noneMatch(event -> event.startsWith("down"));
        assertThat(c.drain(Up.class))
                .extracting(Up::askToken)
                .containsOnly(token)
                .hasSize(RING.size() - 1);
    }

    @Test
    void test_startedNode_probesThePeersItHasNotHeardFrom() {
        List<NodeFixture.Sent> sent = new ArrayList<>();
        RingNode node = new RingNode(
                C,
                RING,
                ElectionSettings.defaults().withPeriodicEnabled(false),
                new Random(3),
                (to, message) -> sent.add(new NodeFixture.Sent(to, message)),
                new RingListener() {});
        node.onTick(0);
        assertThat(sent).extracting(NodeFixture.Sent::to).containsExactlyInAnyOrder(A, B, D, "e:1");
        RingMessage toA = sent.stream()
                .filter(s -> s.to().equals(A))
                .findFirst()
                .orElseThrow()
                .message();
        node.onMessage(new Ack(A, ((Hello) toA).token(), RoundId.NONE), 0);
        sent.clear();

        node.onTick(SECOND);

        assertThat(sent).extracting(NodeFixture.Sent::to).containsExactlyInAnyOrder(B, D, "e:1");
        assertThat(sent).extracting(NodeFixture.Sent::message).allMatch(Hello.class::isInstance);
    }
}
