package io.ringlab.client.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestPacerTest {

    @Test
    void requestsAreDueAtEvenIntervalsFromTheStart() {
        RequestPacer pacer = new RequestPacer(4, 1_000);
        assertThat(pacer.take()).isEqualTo(1_000);
        assertThat(pacer.take()).isEqualTo(1_000 + 250_000_000);
        assertThat(pacer.take()).isEqualTo(1_000 + 500_000_000);
        assertThat(pacer.nextDueNanos()).isEqualTo(1_000 + 750_000_000);
        assertThat(pacer.taken()).isEqualTo(3);
    }

    @Test
    void dueTimesDoNotDriftWhenTheIntervalIsNotAWholeNumberOfNanoseconds() {
        RequestPacer pacer = new RequestPacer(3, 0);
        for (int i = 0; i < 3_000_000; i++) {
            pacer.take();
        }
        assertThat(pacer.nextDueNanos())
                .as("a million seconds after the start, exactly")
                .isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void afterAStallEveryMissedRequestIsDueAtOnceWithItsOwnDueTime() {
        RequestPacer pacer = new RequestPacer(1000, 0);
        long now = 10_000_000;
        int due = 0;
        long last = -1;
        while (pacer.isDue(now)) {
            long dueAt = pacer.take();
            assertThat(dueAt).isGreaterThan(last);
            last = dueAt;
            due++;
        }
        assertThat(due).as("requests due at 0, 1, ... 10 ms").isEqualTo(11);
        assertThat(last).isEqualTo(10_000_000);
        assertThat(pacer.nextDueNanos()).isEqualTo(11_000_000);
    }

    @Test
    void worksAcrossTheWrapOfTheNanosecondClock() {
        RequestPacer pacer = new RequestPacer(1000, Long.MAX_VALUE - 500_000);
        pacer.take();
        assertThat(pacer.isDue(Long.MAX_VALUE)).isFalse();
        assertThat(pacer.isDue(Long.MIN_VALUE + 500_000)).isTrue();
    }

    @Test
    void rateMustBePositive() {
        assertThatThrownBy(() -> new RequestPacer(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
