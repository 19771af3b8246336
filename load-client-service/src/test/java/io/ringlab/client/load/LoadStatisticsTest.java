package io.ringlab.client.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadStatisticsTest {

    private final LoadStatistics statistics = new LoadStatistics();

    @Test
    void resetStartsANewWindowAndKeepsTheCountsSinceStartForTheMeters() {
        for (int i = 0; i < 5; i++) {
            statistics.sent();
        }
        statistics.success(1_000_000);
        statistics.success(3_000_000);
        statistics.timeout();
        statistics.lateReply();

        statistics.reset();

        LoadCounts window = statistics.counts();
        assertThat(window.sent()).as("the two requests still in flight").isEqualTo(2);
        assertThat(window.finished()).isZero();
        assertThat(window.lateReplies()).isZero();
        assertThat(window.responseNanos()).isZero();
        assertThat(statistics.latencies().snapshot().getTotalCount()).isZero();
        assertThat(statistics.countsSinceStart().sent()).isEqualTo(5);
        assertThat(statistics.countsSinceStart().successes()).isEqualTo(2);
    }

    @Test
    void requestsInFlightAtTheResetFinishInTheNewWindow() {
        statistics.sent();
        statistics.sent();
        statistics.reset();
        statistics.success(2_000_000);
        statistics.timeout();
        LoadCounts window = statistics.counts();
        assertThat(window.sent()).isEqualTo(2);
        assertThat(window.finished()).isEqualTo(2);
        assertThat(window.inFlight()).isZero();
        assertThat(statistics.latencies().snapshot().getTotalCount()).isEqualTo(1);
    }
}
