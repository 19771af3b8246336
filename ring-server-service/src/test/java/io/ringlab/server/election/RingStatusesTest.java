package io.ringlab.server.election;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The winning nominee's hops, as the dashboard's picture replays them. */
class RingStatusesTest {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void theNomineeTravelsBothWaysFromTheWinnerUntilTheWavesMeetOppositeIt() {
        assertThat(RingStatuses.nomineeHops(FIVE, "c"))
                .containsExactly(List.of("c"), List.of("d", "b"), List.of("e", "a"));
        assertThat(RingStatuses.nomineeHops(FIVE, "a"))
                .containsExactly(List.of("a"), List.of("b", "e"), List.of("c", "d"));
    }

    @Test
    void onAnEvenRingTheWavesMeetOnTheOppositeServer() {
        assertThat(RingStatuses.nomineeHops(List.of("a", "b", "c", "d"), "b"))
                .containsExactly(List.of("b"), List.of("c", "a"), List.of("d"));
        assertThat(RingStatuses.nomineeHops(List.of("a", "b", "c"), "c"))
                .containsExactly(List.of("c"), List.of("a", "b"));
    }

    @Test
    void aWinnerOutsideTheListTravelsNowhere() {
        assertThat(RingStatuses.nomineeHops(FIVE, "z")).isEmpty();
    }
}
