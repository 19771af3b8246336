package io.ringlab.server.election;

import io.ringlab.election.message.RoundId;
import io.ringlab.server.downtime.AnnouncedAvailability;
import io.ringlab.server.downtime.FakeTime;
import io.ringlab.server.downtime.RecordingAnnouncer;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.server.downtime.ServerAvailability.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RingEventsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DRAIN = SECOND / 4;
    private static final RoundId ROUND = new RoundId(3, "127.0.0.1:4243", 99);

    private final FakeTime time = new FakeTime(123 * SECOND);
    private final ServerAvailability availability = new ServerAvailability();
    private final RecordingAnnouncer announcer = new RecordingAnnouncer();

    private RingEvents events(boolean dropUpAnnouncements) {
        return new RingEvents(new AnnouncedAvailability(availability, announcer, DRAIN, dropUpAnnouncements), time);
    }

    @Test
    void aWinnerAnnouncesDForItsDowntimeOnTheInjectedClockAndUWhenItComesUp() {
        RingEvents events = events(false);
        events.wentDown(ROUND, time.getAsLong() + 15 * SECOND);
        assertThat(announcer.letters()).isEqualTo("d");
        assertThat(announcer.announced().get(0).remainingMillis()).isEqualTo(15_000);
        assertThat(availability.reason()).isEqualTo(Reason.ELECTION);
        assertThat(availability.answersNothing(time.getAsLong() + DRAIN)).isTrue();

        time.advance(15 * SECOND);
        events.cameUp(ROUND, time.getAsLong());
        assertThat(availability.isDown()).isFalse();
        assertThat(announcer.letters()).isEqualTo("du");
    }

    @Test
    void comingUpWhileAnOperatorsDowntimeHoldsAnnouncesNothing() {
        RingEvents events = events(false);
        new AnnouncedAvailability(availability, announcer, DRAIN, false)
                .goDown(Reason.MANUAL, time.getAsLong(), time.getAsLong() + 60 * SECOND);
        events.wentDown(ROUND, time.getAsLong() + 15 * SECOND);
        time.advance(15 * SECOND);
        events.cameUp(ROUND, time.getAsLong());
        assertThat(availability.isDown()).isTrue();
        assertThat(availability.reason()).isEqualTo(Reason.MANUAL);
        assertThat(announcer.letters()).isEqualTo("dd");
    }

    @Test
    void withTheFaultDropUpAnnouncementsAWinnerComesUpSilently() {
        RingEvents events = events(true);
        events.wentDown(ROUND, time.getAsLong() + SECOND);
        events.cameUp(ROUND, time.getAsLong() + SECOND);
        assertThat(availability.isDown()).isFalse();
        assertThat(announcer.letters()).isEqualTo("d");
    }

    @Test
    void countsCompletedAndAbandonedRounds() {
        RingEvents events = events(false);
        events.roundAbandoned(ROUND, "superseded");
        events.roundCompleted(new io.ringlab.election.RoundOutcome(ROUND, "127.0.0.1:4243", 7, 0, SECOND, 4, false));
        events.roundCompleted(new io.ringlab.election.RoundOutcome(
                new RoundId(4, "127.0.0.1:4243", 99), "127.0.0.1:4243", 7, 0, SECOND, 4, false));
        assertThat(events.roundsCompletedCount()).isEqualTo(2);
        assertThat(events.roundsAbandonedCount()).isEqualTo(1);
    }
}
