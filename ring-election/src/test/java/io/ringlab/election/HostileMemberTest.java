package io.ringlab.election;

import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Down;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Veto;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ringlab.election.NodeFixture.A;
import static io.ringlab.election.NodeFixture.B;
import static io.ringlab.election.NodeFixture.C;
import static io.ringlab.election.NodeFixture.D;
import static io.ringlab.election.NodeFixture.READY;
import static io.ringlab.election.NodeFixture.SECOND;
import static io.ringlab.election.NodeFixture.nominee;
import static io.ringlab.election.NodeFixture.round;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that pass authentication but come from a buggy or compromised member: none of them may stop this
 * node's elections for longer than one downtime, or at all through an overflow. The node is {@code c}.
 */
class HostileMemberTest {

    private static final long DOWNTIME = 15 * SECOND;
    private static final long GUARD = SECOND;
    private static final long TEN_YEARS = Duration.ofDays(3_650).toNanos();

    @Test
    void helloWithAnOverflowingTermIsIgnoredAndThePeriodicTimerKeepsStartingRounds() {
        NodeFixture c = new NodeFixture(NodeFixture.periodic(Duration.ofSeconds(60)));

        c.at(READY).receive(new Hello(A, new RoundId(Long.MAX_VALUE, A, 1), 1));
        c.at(121 * SECOND);

        RoundId started = c.node.status(c.now).round();
        assertThat(started.initiator()).isEqualTo(C);
        assertThat(started.term()).isEqualTo(1);
        assertThat(c.events).contains("ignored HELLO: term beyond the maximum");
    }

    @Test
    void theLastTermOnTheWireStopsNewRoundsButNeverTheNode() {
        NodeFixture c = new NodeFixture(NodeFixture.periodic(Duration.ofSeconds(60)));

        c.at(READY).receive(new Hello(A, new RoundId(RoundId.MAX_TERM, A, 1), 1));
        c.at(121 * SECOND);
        c.at(300 * SECOND);

        assertThat(c.node.status(c.now).round()).isEqualTo(RoundId.NONE);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.REFUSED_ROUND_IN_PROGRESS);
        assertThat(c.node.nextDeadlineNanos()).isLessThan(Long.MAX_VALUE);
    }

    @Test
    void downWithAHugeRemainingTimeBlocksAtMostOneDowntimeAndGuard() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.receive(new Down(A, round(1, A), 500, TEN_YEARS, 3));

        assertThat(c.node.status(c.now).quietForNanos()).isBetween(1L, DOWNTIME + GUARD);
        c.at(READY + DOWNTIME + GUARD);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }

    @Test
    void vetoWithAHugeRemainingTimeBlocksAtMostOneDowntimeAndGuardAndIsPassedOnCapped() {
        NodeFixture c = new NodeFixture(10).at(READY);
        c.receive(new Election(B, round(1, A), Direction.RIGHT, nominee(A, 100), 100));
        c.drain();

        c.receive(new Veto(D, round(1, A), A, TEN_YEARS, 0));

        assertThat(c.drain(Veto.class))
                .singleElement()
                .satisfies(relayed -> assertThat(relayed.remainingNanos()).isLessThanOrEqualTo(DOWNTIME + GUARD));
        assertThat(c.node.status(c.now).quietForNanos()).isBetween(1L, DOWNTIME + GUARD);
        c.at(READY + DOWNTIME + GUARD);
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }

    @Test
    void leaseRequestForAHugeDowntimeIsRefusedAndHoldsNothing() {
        NodeFixture c = new NodeFixture(10).at(READY);

        c.receive(new LeaseRequest(A, round(1, A), 100, Long.MAX_VALUE, 9));

        assertThat(c.drain(Refusal.class)).extracting(Refusal::reason).containsExactly(RefusalReason.DOWNTIME_TOO_LONG);
        assertThat(c.node.status(c.now).quietForNanos()).isZero();
        assertThat(c.node.startRoundNow(c.now)).isEqualTo(StartResult.STARTED);
    }
}
