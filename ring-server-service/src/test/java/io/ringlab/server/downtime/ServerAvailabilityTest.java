package io.ringlab.server.downtime;

import io.ringlab.protocol.ServerState;
import io.ringlab.server.downtime.ServerAvailability.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerAvailabilityTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DRAIN = SECOND / 4;

    private final ServerAvailability availability = new ServerAvailability();

    @Test
    void manualDowntimeDrainsThenGoesSilentAndComesUpWithANewerState() {
        ServerState down = availability.goDown(Reason.MANUAL, 0, DRAIN, 10 * SECOND);
        assertThat(down.up()).isFalse();
        assertThat(down.remainingMillis()).isEqualTo(10_000);
        assertThat(availability.answersNothing(DRAIN - 1)).as("draining").isFalse();
        assertThat(availability.answersNothing(DRAIN)).isTrue();
        assertThat(availability.reason()).isEqualTo(Reason.MANUAL);

        ServerState up = availability.comeUp(Reason.MANUAL);
        assertThat(up.up()).isTrue();
        assertThat(up.sequence()).isGreaterThan(down.sequence());
        assertThat(availability.isDown()).isFalse();
        assertThat(availability.reason()).isNull();
    }

    @Test
    void overlappingReasonsKeepTheServerDownUntilTheLastEndsAndAnnounceOnlyThen() {
        availability.goDown(Reason.MANUAL, 0, DRAIN, 10 * SECOND);
        ServerState election = availability.goDown(Reason.ELECTION, 5 * SECOND, DRAIN, 20 * SECOND);
        assertThat(election.remainingMillis()).as("the longer of the two").isEqualTo(15_000);
        assertThat(availability.answersNothing(5 * SECOND))
                .as("no new drain: it was already silent")
                .isTrue();
        assertThat(availability.reason()).isEqualTo(Reason.ELECTION);

        assertThat(availability.comeUp(Reason.MANUAL))
                .as("the election still holds")
                .isNull();
        assertThat(availability.isDown()).isTrue();
        assertThat(availability.comeUp(Reason.ELECTION).up()).isTrue();
    }

    @Test
    void nothingComesUpAfterShutdown() {
        availability.goDown(Reason.ELECTION, 0, DRAIN, 10 * SECOND);
        availability.leave(SECOND, DRAIN);
        assertThat(availability.comeUp(Reason.ELECTION)).isNull();
        assertThat(availability.isDown()).isTrue();
        assertThat(availability.reason()).isEqualTo(Reason.SHUTDOWN);
    }

    @Test
    void comingUpWhenNotDownAnnouncesNothing() {
        assertThat(availability.comeUp(Reason.MANUAL)).isNull();
        assertThat(availability.stateNow(0).up()).isTrue();
    }
}
