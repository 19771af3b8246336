package io.ringlab.election.impl;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Down;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Veto;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationCapsTest {

    private static final RoundId ROUND = new RoundId(3, "a", 1);
    /** Downtime 15 s + guard 1 s. */
    private static final long MAX = Duration.ofSeconds(16).toNanos();

    private final DurationCaps caps = new DurationCaps(Timing.of(ElectionSettings.defaults()));

    @Test
    void capsTheRemainingTimeOfDownAndVetoAndTheRetryAfterOfARefusal() {
        assertThat(((Down) caps.apply(new Down("a", ROUND, 5, Long.MAX_VALUE, 1))).remainingNanos())
                .isEqualTo(MAX);
        assertThat(((Veto) caps.apply(new Veto("a", ROUND, "b", Long.MAX_VALUE, 1))).remainingNanos())
                .isEqualTo(MAX);
        assertThat(((Refusal) caps.apply(new Refusal("a", ROUND, "b", RefusalReason.LEASE_HELD, Long.MAX_VALUE, 1)))
                        .retryAfterNanos())
                .isEqualTo(MAX);
    }

    @Test
    void capsALeaseRequestAboveTheOwnDowntimeSoThatItIsStillRefused() {
        LeaseRequest capped = (LeaseRequest) caps.apply(new LeaseRequest("a", ROUND, 5, Long.MAX_VALUE, 1));

        assertThat(capped.downtimeNanos())
                .isEqualTo(MAX)
                .isGreaterThan(Duration.ofSeconds(15).toNanos());
    }

    @Test
    void leavesDurationsWithinTheCapAndOtherMessagesAsTheyAre() {
        RingMessage down = new Down("a", ROUND, 5, MAX, 1);
        RingMessage election = new Election("a", ROUND, Direction.LEFT, new Nominee("a", Long.MAX_VALUE), 1);

        assertThat(caps.apply(down)).isSameAs(down);
        assertThat(caps.apply(election)).isSameAs(election);
    }
}
