package io.ringlab.dashboard.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

    @Test
    void keepsTheNewestUpToItsCapacityNumberedInOrder() {
        EventLog log = new EventLog(3);
        for (int i = 0; i < 5; i++) {
            log.add(ClusterEvent.of(i, i % 2 == 0 ? EventKind.DOWN : EventKind.UP, "server-" + i, "event " + i));
        }
        assertThat(log.matching(e -> true)).extracting(ClusterEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(log.matching(e -> e.kind().equals("down")))
                .extracting(ClusterEvent::text)
                .containsExactly("event 2", "event 4");
        assertThat(log.dropped()).isEqualTo(2);
    }
}
