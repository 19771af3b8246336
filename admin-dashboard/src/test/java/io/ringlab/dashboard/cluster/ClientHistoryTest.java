package io.ringlab.dashboard.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientHistoryTest {

    @Test
    void keepsTheNewestSamplesUpToItsCapacityOldestFirst() {
        ClientHistory history = new ClientHistory(List.of("client-1", "client-2"), 3);
        for (long time = 1; time <= 5; time++) {
            history.add("client-1", ClientSample.gap(time));
        }

        assertThat(history.all().get("client-1")).extracting(ClientSample::time).containsExactly(3L, 4L, 5L);
        assertThat(history.all().get("client-2")).isEmpty();
    }

    @Test
    void keepsAClientFoundLater_andForgetsOneNoLongerWatched() {
        ClientHistory history = new ClientHistory(List.of("client-1"), 3);
        history.add("load-client-7f9c", ClientSample.gap(1));
        assertThat(history.all()).containsOnlyKeys("client-1", "load-client-7f9c");

        history.retain(java.util.Set.of("load-client-7f9c"));

        assertThat(history.all()).containsOnlyKeys("load-client-7f9c");
        assertThat(history.all().get("load-client-7f9c")).hasSize(1);
    }
}
