package io.ringlab.dashboard.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LabEventsTest {

    @Test
    void theLaunchersEventsPastThoseTakenBecomeFaultEventsWithWhoGaveThem() {
        var answer = LabEvents.events(JsonMapper.builder().build().readTree("""
                {"events": [
                  {"epochMillis": 1000, "atSeconds": 1.0, "faultId": 1, "kind": "start", "text": "loss 5% agent<->server"},
                  {"epochMillis": 2000, "atSeconds": 2.0, "faultId": 2, "kind": "start", "text": "freeze server-2",
                   "by": "admin (dashboard, from 127.0.0.1)"}
                ]}"""));

        assertThat(LabEvents.newEvents(answer, 2)).isEmpty();
        var fresh = LabEvents.newEvents(answer, 0);
        assertThat(fresh)
                .extracting(ClusterEvent::text)
                .containsExactly("fault 1 start: loss 5% agent<->server", "fault 2 start: freeze server-2");
        assertThat(fresh).extracting(ClusterEvent::by).containsExactly(null, "admin (dashboard, from 127.0.0.1)");
        assertThat(fresh).allSatisfy(e -> assertThat(e.kind()).isEqualTo("fault"));
        assertThat(fresh.get(1).epochMillis()).isEqualTo(2000);
    }
}
