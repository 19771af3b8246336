package io.ringlab.dashboard.timeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateHistoryTest {

    @Test
    void keepsOnlyTheChangesOfEachServer() {
        StateHistory history = new StateHistory(60_000, 100);
        history.record(1_000, Map.of("server-1", "up", "server-2", "up"));
        history.record(2_000, Map.of("server-1", "up", "server-2", "down"));
        history.record(3_000, Map.of("server-1", "up", "server-2", "down"));
        history.record(4_000, Map.of("server-1", "out", "server-2", "up"));

        assertThat(history.all().get("server-1"))
                .containsExactly(new StateChange(1_000, "up"), new StateChange(4_000, "out"));
        assertThat(history.all().get("server-2"))
                .containsExactly(
                        new StateChange(1_000, "up"), new StateChange(2_000, "down"), new StateChange(4_000, "up"));
    }

    @Test
    void forgetsWhatIsOlderThanTheWindowButTheStateInForceAtItsStart() {
        StateHistory history = new StateHistory(10_000, 100);
        history.record(0, Map.of("server-1", "up"));
        history.record(5_000, Map.of("server-1", "down"));
        history.record(8_000, Map.of("server-1", "up"));
        history.record(20_000, Map.of("server-1", "up"));

        // at 20 s the window starts at 10 s: up since 8 s is the state then, the earlier ones are gone
        assertThat(history.all().get("server-1")).containsExactly(new StateChange(8_000, "up"));
    }

    @Test
    void holdsAtMostItsCapacityPerServerTheNewestOnes() {
        StateHistory history = new StateHistory(Long.MAX_VALUE / 2, 3);
        for (int poll = 0; poll < 10; poll++) {
            history.record(poll, Map.of("server-1", poll % 2 == 0 ? "up" : "down"));
        }

        assertThat(history.all().get("server-1")).extracting(StateChange::t).containsExactly(7L, 8L, 9L);
    }

    @Test
    void forgetsAServerNoLongerPolled() {
        StateHistory history = new StateHistory(60_000, 100);
        history.record(1_000, Map.of("server-1", "up", "server-4", "up"));
        history.record(2_000, Map.of("server-1", "up"));

        assertThat(history.all()).containsOnlyKeys("server-1");
        assertThat(history.all().get("server-1")).hasSize(1);
    }

    @Test
    void refusesAnEmptyWindowOrCapacity() {
        assertThatThrownBy(() -> new StateHistory(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateHistory(1_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
