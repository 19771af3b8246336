package io.ringlab.election;

import io.ringlab.election.NodeFixture.Sent;
import io.ringlab.election.message.Ack;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Down;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Grant;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.Result;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Up;
import io.ringlab.election.message.Veto;
import io.ringlab.election.node.RingNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.ringlab.election.NodeFixture.A;
import static io.ringlab.election.NodeFixture.B;
import static io.ringlab.election.NodeFixture.C;
import static io.ringlab.election.NodeFixture.D;
import static io.ringlab.election.NodeFixture.E;
import static io.ringlab.election.NodeFixture.READY;
import static io.ringlab.election.NodeFixture.SECOND;
import static io.ringlab.election.NodeFixture.nominee;
import static io.ringlab.election.NodeFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of one node, message by message. The node is {@code c}, between {@code b} (left) and {@code d}. */
class RingNodeTest {

    private static final long DOWNTIME = 15 * SECOND;

    private static Election fromLeft(RoundId round, Nominee nominee) {
        return new Election(B, round, Direction.RIGHT, nominee, 100);
    }

    private static Election fromRight(RoundId round, Nominee nominee) {
        return new Election(D, round, Direction.LEFT, nominee, 200);
    }

    @Test
    void test_tie_isBrokenByTheIdThatSortsFirst() {
        assertThat(nominee(A, 5).beats(nominee(C, 5))).isTrue();
        assertThat(nominee(C, 5).beats(nominee(A, 5))).isFalse();
        assertThat(nominee(C, 6).beats(nominee(A, 5))).isTrue();
        assertThat(Nominee.best(nominee(C, 5), nominee(A, 5))).isEqualTo(nominee(A, 5));
    }

    @Test
    void test_election_highestValueNominatesItselfToBothSides() {
        NodeFixture c = new NodeFixture(900).at(READY);

        c.receive(fromLeft(round(1, A), nominee(A, 100)));

        List<Sent> sent = c.drain();
        assertThat(sent).extracting(Sent::to).containsExactlyInAnyOrder(B, B, D);
        assertThat(sent)
                .extracting(Sent::message)
                .filteredOn(Election.class::isInstance)
                .extracting(m -> ((Election) m).nominee())
                .containsOnly(nominee(C, 900));
    }

    @Test
    void test_election_lowerValueForwardsTheNomineeToTheOtherSideOnly() {
        NodeFixture c = new NodeFixture(50).at(READY);

        c.receive(fromLeft(round(1, A), nominee(A, 100)));

        List<Sent> sent = c.drain();
        assertThat(sent)
                .containsExactlyInAnyOrder(
                        new Sent(B, new Ack(C, 100, round(1, A))),
                        new Sent(
                                D,
                                new Election(
                                        C,
                                        round(1, A),
                                        Direction.RIGHT,
                                        nominee(A, 100),
                                        ((Election) sent.get(1).message()).token())));
    }

    @Test
    void test_election_tieWithTheNomineeIsWonByTheIdThatSortsFirst() {
        NodeFixture c = new NodeFixture(100).at(READY);

        c.receive(fromLeft(round(1, A), nominee(A, 100)));

        assertThat(c.drain(Election.class))
                .extracting(Election::nominee, Election::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nominee(A, 100), Direction.RIGHT));
    }

    @Test
    void test_election_sameNomineeFromBothSidesEndsTheRoundWithAResultBothWays() {
        NodeFixture c = new NodeFixture(50).at(READY);
        c.receive(fromLeft(round(1, A), nominee(E, 700)));
        c.drain();

        c.receive(fromRight(round(1, A), nominee(E, 700)));

        assertThat(c.drain(Result.class))
                .extracting(Result::winner, Result::direction)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(nominee(E, 700), Direction.LEFT),
                        org.assertj.core.groups.Tuple.tuple(nominee(E, 700), Direction.RIGHT));
        assertThat(c.node.status(c.now).phase()).isEqualTo("result-known");
    }

    @Test
    void test_election_differentNomineesFromBothSidesDoNotEndTheRound() {
        NodeFixture c = new NodeFixture(50).at(READY);
        c.receive(fromLeft(round(1, A), nominee(E, 700)));
        c.receive(fromRight(round(1, A), nominee(A, 600)));

        assertThat(c.drain(Result.class)).isEmpty();
        assertThat(c.node.status(c.now).phase()).isEqualTo("electing");
    }

    @Test
    void test_election_duplicateIsAcknowledgedButChangesNothing() {
        NodeFixture c = new NodeFixture(50).at(READY);
        c.receive(fromLeft(round(1, A), nominee(A, 100)));
        c.drain();

        c.receive(fromLeft(round(1, A), nominee(A, 100)));
        c.receive(fromLeft(round(1, A), nominee(A, 90)));

        assertThat(c.drain())
                .extracting(Sent::message)
                .allMatch(Ack.class::isInstance)
                .hasSize(2);
        assertThat(c.events).contains("ignored ELECTION: duplicate or older nominee");
    }

    @Test
    void test_election_ofAnOlderRoundIsIgnored() {
        NodeFixture c = new NodeFixture(50, 60).at(READY);
        c.receive(fromLeft(round(5, A), nominee(A, 100)));
        c.drain();

        c.receive(fromLeft(round(3, E), nominee(E, 999)));

        List<Sent> sent = c.drain();
        assertThat(sent)
                .extracting(Sent::message)
                .allMatch(Ack.class::isInstance)
                .hasSize(1);
        assertThat(((Ack) sent.get(0).message()).round()).isEqualTo(round(5, A));
        assertThat(c.node.status(c.now).round()).isEqualTo(round(5, A));
    }

    @Test
    void test_election_ofANewerRoundSupersedesTheCurrentOneWithAFreshValue() {
        NodeFixture c = new NodeFixture(50, 60).at(READY);
        c.receive(fromLeft(round(5, A), nominee(A, 100)));

        c.receive(fromLeft(round(6, A), nominee(A, 10)));

        NodeStatus status = c.node.status(c.now);
        assertThat(status.round()).isEqualTo(round(6, A));
        assertThat(status.ownValue()).isEqualTo(60);
    }

    @Test
    void test_result_winnerAsksEveryNodeAndGoesDownWithAMajorityIncludingTheInitiator() {
        NodeFixture c = new NodeFixture(900).at(READY);
        c.receive(fromLeft(round(1, A), nominee(A, 100)));
        c.drain();

        c.receive(new Result(B, round(1, A), Direction.RIGHT, nominee(C, 900), 5));
        List<LeaseRequest> asks = c.drain(LeaseRequest.class);
        assertThat(asks).hasSize(4).allMatch(r -> r.value() == 900 && r.downtimeNanos() == DOWNTIME);
        long token = asks.get(0).token();

        c.at(READY + SECOND).receive(new Grant(B, round(1, A), C, 10, token));
        c.receive(new Grant(D, round(1, A), C, 20, token));
        assertThat(c.events).noneMatch(e -> e.startsWith("down"));

        c.receive(new Grant(A, round(1, A), C, 100, token));
        assertThat(c.events).contains("down 1 for 14000 ms", "completed 1 c:1=900");
        assertThat(c.drain(Down.class)).hasSize(4);
        assertThat(c.node.status(c.now).state()).isEqualTo(NodeStatus.State.DOWN);

        c.at(READY + DOWNTIME);
        assertThat(c.events).contains("up 1");
        assertThat(c.drain(Up.class)).hasSize(4).allMatch(u -> u.askToken() == token);
        assertThat(c.node.status(c.now).state()).isEqualTo(NodeStatus.State.UP);
    }

    @Test
    void test_permit_isRefusedToALowerValue() {
        NodeFixture c = new NodeFixture(900).at(READY);
        c.receive(fromLeft(round(1, A), nominee(A, 100)));
        c.drain();

        c.receive(new LeaseRequest(A, round(1, A), 100, DOWNTIME, 9));

        assertThat(c.drain(Refusal.class)).extracting(Refusal::reason).containsExactly(RefusalReason.VALUE_HIGHER);
    }

    @Test
    void test_permit_isGrantedOnceThenRefusedToAnyOtherWinnerWhileTheLeaseRuns() {
        NodeFixture c = new NodeFixture(10, 20).at(READY);

        c.receive(new LeaseRequest(A, round(1, A), 100, DOWNTIME, 9));
        assertThat(c.drain(Grant.class)).extracting(Grant::granterValue).containsExactly(10L);

        c.receive(new LeaseRequest(E, round(1, A), 200, DOWNTIME, 4));
        c.at(READY + DOWNTIME).receive(new LeaseRequest(E, round(2, E), 200, DOWNTIME, 4));
        assertThat(c.drain(Refusal.class))
                .extracting(Refusal::reason)
                .containsExactly(RefusalReason.ALREADY_GRANTED, RefusalReason.LEASE_HELD);

        c.at(READY + DOWNTIME + 2 * SECOND).receive(new LeaseRequest(E, round(2, E), 200, DOWNTIME, 4));
        assertThat(c.drain(Grant.class)).hasSize(1);
    }

    @Test
    void test_permit_releasedByUpCanBeGrantedAgainAtOnce() {
        NodeFixture c = new NodeFixture(10, 20).at(READY);
        c.receive(new LeaseRequest(A, round(1, A), 100, DOWNTIME, 9));
        c.receive(new Up(A, round(1, A), 9));

        c.receive(new LeaseRequest(E, round(2, E), 200, DOWNTIME, 4));

        assertThat(c.drain(Grant.class)).extracting(Grant::winner).containsExactly(A, E);
    }

    @Test
    void test_permit_isNeverGrantedForLongerThanTheOwnDowntime() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.receive(new LeaseRequest(A, round(1, A), 100, DOWNTIME + 1, 9));

        assertThat(c.drain(Refusal.class)).extracting(Refusal::reason).containsExactly(RefusalReason.DOWNTIME_TOO_LONG);
    }

    @Test
    void test_restartedNode_grantsNothingAndStartsNothingForDowntimePlusGuard() {
        NodeFixture c = new NodeFixture(10).at(SECOND);

        c.receive(new LeaseRequest(A, round(1, A), 100, DOWNTIME, 9));
        assertThat(c.drain(Refusal.class)).extracting(Refusal::reason).containsExactly(RefusalReason.RESTARTING);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_RESTARTING);
        assertThat(c.node.status(c.now).state()).isEqualTo(NodeStatus.State.RESTARTING);

        c.at(16 * SECOND + 1);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }

    @Test
    void test_restartedNode_relaysElectionsWithoutNominatingItself() {
        NodeFixture c = new NodeFixture(999).at(SECOND);

        c.receive(fromLeft(round(1, A), nominee(A, 1)));

        assertThat(c.drain(Election.class)).extracting(Election::nominee).containsExactly(nominee(A, 1));
    }

    @Test
    void test_downNode_vetoesElectionsOfANewRound() {
        NodeFixture c = downNode();

        c.receive(fromLeft(round(2, B), nominee(B, 1)));

        assertThat(c.drain(Veto.class)).singleElement().satisfies(v -> {
            assertThat(v.downNode()).isEqualTo(C);
            assertThat(v.token()).isEqualTo(100);
            assertThat(v.remainingNanos()).isPositive();
        });
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_DOWN);
    }

    @Test
    void test_nodeThatHeardOfADowntime_startsNoRoundAndVetoesNewOnes() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.receive(new Down(A, round(1, A), 500, 10 * SECOND, 3));

        assertThat(c.events).contains("completed 1 a:1=500");
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_WINNER_DOWN);
        c.drain();
        c.receive(fromLeft(round(2, B), nominee(B, 1)));
        assertThat(c.drain(Veto.class)).hasSize(1);

        c.at(READY + 11 * SECOND);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }

    @Test
    void test_veto_abandonsTheRoundAndIsPassedOnToTheOtherNeighbour() {
        NodeFixture c = new NodeFixture(10).at(READY);
        c.receive(fromLeft(round(1, A), nominee(A, 100)));
        c.drain();

        c.receive(new Veto(D, round(1, A), E, 5 * SECOND, 0));

        assertThat(c.drain())
                .extracting(Sent::to, s -> s.message().getClass())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(B, Veto.class));
        assertThat(c.node.status(c.now).phase()).isEqualTo("abandoned");
    }

    @Test
    void test_silentNeighbour_isSkippedAndTakenBackWhenHeardFrom() {
        NodeFixture c = new NodeFixture(10).at(READY);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
        List<Election> first = c.drain(Election.class);
        Election toLeft = first.stream()
                .filter(e -> e.direction() == Direction.LEFT)
                .findFirst()
                .orElseThrow();
        c.receive(new Ack(B, toLeft.token(), RoundId.NONE));

        for (int i = 1; i <= 3; i++) {
            c.at(READY + i * 200_000_000L + i);
        }
        assertThat(c.node.status(c.now).right()).isEqualTo(E);
        assertThat(c.node.status(c.now).suspected()).containsExactly(D);
        assertThat(c.drain()).extracting(Sent::to).endsWith(E);

        c.receive(new Ack(D, 12345, RoundId.NONE));
        assertThat(c.node.status(c.now).right()).isEqualTo(D);
        assertThat(c.node.status(c.now).suspected()).isEmpty();
    }

    @Test
    void test_roundWithoutResult_isAbandonedAfterTheRoundTimeoutAndRetriedByItsInitiator() {
        NodeFixture c = new NodeFixture(10, 20).at(READY);
        c.node.startRoundNow(c.now);
        RoundId first = c.node.status(c.now).round();

        c.at(READY + 5 * SECOND);
        assertThat(c.node.status(c.now).phase()).isEqualTo("abandoned");
        c.at(READY + 10 * SECOND);

        NodeStatus status = c.node.status(c.now);
        assertThat(status.round()).isNotEqualTo(first);
        assertThat(status.round().term()).isGreaterThan(first.term());
        assertThat(status.round().initiator()).isEqualTo(C);
    }

    @Test
    void test_periodicTimer_firesFirstBetweenOneAndTwoIntervalsAndCanBePaused() {
        NodeFixture c = new NodeFixture(NodeFixture.periodic(Duration.ofSeconds(60)));
        long firstIn = c.node.status(0).nextElectionInNanos();
        assertThat(firstIn).isBetween(60 * SECOND, 120 * SECOND);

        c.node.pausePeriodic();
        c.at(121 * SECOND);
        assertThat(c.node.status(c.now).round()).isEqualTo(RoundId.NONE);
        assertThat(c.node.status(c.now).nextElectionInNanos()).isEqualTo(-1);

        c.node.resumePeriodic(c.now);
        c.at(c.now + 66 * SECOND + 1);
        assertThat(c.node.status(c.now).round().initiator()).isEqualTo(C);
    }

    @Test
    void test_periodicDisabled_startsNoRoundButStartNowDoes() {
        NodeFixture c = new NodeFixture(10).at(READY);
        c.at(READY + 600 * SECOND);
        assertThat(c.node.status(c.now).round()).isEqualTo(RoundId.NONE);
        assertThat(c.node.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);

        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_ROUND_IN_PROGRESS);
    }

    @Test
    void test_messagesFromStrangers_areIgnored() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.receive(new Election("x:1", round(1, A), Direction.RIGHT, nominee(A, 1), 1));

        assertThat(c.drain()).isEmpty();
        assertThat(c.events).contains("ignored ELECTION: sender is not a configured peer");
    }

    @Test
    void test_configuration_isCheckedAtConstruction() {
        ElectionSettings s = ElectionSettings.defaults();
        java.util.Random r = new java.util.Random();
        assertThatThrownBy(() -> new RingNode(A, List.of(A, B), s, r, (t, m) -> {}, new RingListener() {}))
                .hasMessageContaining("at least 3");
        assertThatThrownBy(() -> new RingNode("z:1", List.of(A, B, C), s, r, (t, m) -> {}, new RingListener() {}))
                .hasMessageContaining("not in peers");
        assertThatThrownBy(() -> new RingNode(A, List.of(A, B, B), s, r, (t, m) -> {}, new RingListener() {}))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> s.withRetransmitTimeout(Duration.ofSeconds(10)))
                .hasMessageContaining("retransmit-timeout");
    }

    /** {@code c} won round 1 (initiated by {@code a}) and is down. */
    private static NodeFixture downNode() {
        NodeFixture c = new NodeFixture(900).at(READY);
        c.receive(fromLeft(round(1, A), nominee(A, 100)));
        c.receive(new Result(B, round(1, A), Direction.RIGHT, nominee(C, 900), 5));
        long token = c.drain(LeaseRequest.class).get(0).token();
        c.receive(new Grant(A, round(1, A), C, 100, token));
        c.receive(new Grant(B, round(1, A), C, 10, token));
        assertThat(c.node.status(c.now).state()).isEqualTo(NodeStatus.State.DOWN);
        c.drain();
        return c;
    }
}
