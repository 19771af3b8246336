package io.ringlab.server.downtime;

import io.ringlab.server.downtime.ManualDowntime.Result;
import io.ringlab.server.downtime.ServerAvailability.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManualDowntimeTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DRAIN = SECOND / 4;

    private final FakeTime time = new FakeTime(-7 * SECOND);
    private final ServerAvailability availability = new ServerAvailability();
    private final RecordingAnnouncer announcer = new RecordingAnnouncer();

    private ManualDowntime downtime(boolean dropUpAnnouncements) {
        return new ManualDowntime(
                new AnnouncedAvailability(availability, announcer, DRAIN, dropUpAnnouncements), time, time);
    }

    @Test
    void goingDownAnnouncesDForTheWholeDurationDrainsAndComesUpWithUWhenItIsOver() {
        ManualDowntime downtime = downtime(false);

        assertThat(downtime.goDown(10)).isEqualTo(Result.STARTED);
        assertThat(announcer.letters()).isEqualTo("d");
        assertThat(announcer.announced().get(0).remainingMillis()).isEqualTo(10_000);
        assertThat(availability.reason()).isEqualTo(Reason.MANUAL);
        assertThat(availability.answersNothing(time.getAsLong())).as("draining").isFalse();
        time.advance(DRAIN);
        assertThat(availability.answersNothing(time.getAsLong())).isTrue();

        time.advance(10 * SECOND - DRAIN - 1);
        assertThat(availability.isDown()).as("one nanosecond before the end").isTrue();
        time.advance(1);
        assertThat(availability.isDown()).isFalse();
        assertThat(announcer.letters()).isEqualTo("du");
        assertThat(announcer.announced().get(1).sequence())
                .isGreaterThan(announcer.announced().get(0).sequence());
    }

    @Test
    void endingEarlyAnnouncesUAndCancelsTheTimerSoThatALaterDowntimeRunsItsFullLength() {
        ManualDowntime downtime = downtime(false);
        downtime.goDown(10);
        time.advance(3 * SECOND);

        assertThat(downtime.comeUp()).isEqualTo(Result.ENDED);
        assertThat(announcer.letters()).isEqualTo("du");
        assertThat(time.pending()).as("the first downtime's timer").isZero();

        time.advance(SECOND);
        assertThat(downtime.goDown(10)).isEqualTo(Result.STARTED);
        time.advance(7 * SECOND);
        assertThat(availability.isDown())
                .as("past where the first downtime would have ended")
                .isTrue();
        time.advance(3 * SECOND);
        assertThat(announcer.letters()).isEqualTo("dudu");
    }

    @Test
    void anElectionDowntimeThatOutlastsAManualOneExtendsItAndOnlyItsEndAnnouncesU() {
        ManualDowntime downtime = downtime(false);
        AnnouncedAvailability election = new AnnouncedAvailability(availability, announcer, DRAIN, false);
        downtime.goDown(10);
        time.advance(5 * SECOND);
        election.goDown(Reason.ELECTION, time.getAsLong(), time.getAsLong() + 15 * SECOND);
        assertThat(announcer.announced().get(1).remainingMillis())
                .as("the longer of the two")
                .isEqualTo(15_000);
        assertThat(downtime.comeUp()).as("the ring holds permits for it").isEqualTo(Result.REFUSED_ELECTION_DOWNTIME);

        time.advance(5 * SECOND);
        assertThat(availability.isDown())
                .as("the manual downtime is over, the election's is not")
                .isTrue();
        assertThat(availability.reason()).isEqualTo(Reason.ELECTION);
        assertThat(announcer.letters()).isEqualTo("dd");

        assertThat(election.comeUp(Reason.ELECTION)).isEqualTo(AnnouncedAvailability.CameUp.ANNOUNCED);
        assertThat(announcer.letters()).isEqualTo("ddu");
    }

    @Test
    void refusesToGoDownTwiceToComeUpWhenNotDownAndAnythingWhileShuttingDown() {
        ManualDowntime downtime = downtime(false);
        assertThat(downtime.comeUp()).isEqualTo(Result.REFUSED_NOT_DOWN);
        downtime.goDown(10);
        assertThat(downtime.goDown(20)).isEqualTo(Result.REFUSED_ALREADY_DOWN);
        assertThat(announcer.letters()).isEqualTo("d");

        new AnnouncedAvailability(availability, announcer, DRAIN, false).leave(time.getAsLong());
        assertThat(downtime.goDown(10)).isEqualTo(Result.REFUSED_SHUTTING_DOWN);
        assertThat(downtime.comeUp()).isEqualTo(Result.REFUSED_SHUTTING_DOWN);
        time.advance(10 * SECOND);
        assertThat(availability.isDown()).as("nothing comes up after shutdown").isTrue();
        assertThat(announcer.letters()).isEqualTo("dd");
    }

    @Test
    void withTheFaultDropUpAnnouncementsTheServerComesUpSilently() {
        ManualDowntime downtime = downtime(true);
        downtime.goDown(1);
        time.advance(SECOND);
        assertThat(availability.isDown()).isFalse();
        assertThat(announcer.letters()).isEqualTo("d");
    }
}
