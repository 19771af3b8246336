package io.ringlab.model.status;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusJsonTest {

    @Test
    void readsAStatusWithPropertiesItDoesNotKnowAndWithoutSomeItDoes() {
        AgentStatus agent = StatusJson.parse("""
                {"strategy": "least-outstanding", "forwarded": 12, "comesInAFutureVersion": {"x": 1},
                 "servers": [{"server": "127.0.0.1:4242", "state": "ejected", "up": false, "forwarded": 12}],
                 "drops": {"short": 3}}""", AgentStatus.class);

        assertThat(agent.strategy()).isEqualTo("least-outstanding");
        assertThat(agent.forwarded()).isEqualTo(12);
        assertThat(agent.retries()).isZero();
        assertThat(agent.servers()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("ejected");
            assertThat(s.up()).isFalse();
        });
        assertThat(agent.drops()).containsEntry("short", 3L);
        assertThat(agent.discovery()).isNull();
    }

    @Test
    void readsARingsWinnersWithTheirTime() {
        RingStatus ring = StatusJson.parse("""
                {"state": "down", "downForMs": 900, "lastWinners": [{"round": "3@a", "winner": "127.0.0.1:4243",
                 "value": 7, "durationMs": 1.5, "messagesSent": 6, "finishedAt": "2026-11-28T08:00:00Z"}]}""", RingStatus.class);

        assertThat(ring.state()).isEqualTo("down");
        assertThat(ring.lastWinners()).singleElement().satisfies(w -> {
            assertThat(w.winner()).isEqualTo("127.0.0.1:4243");
            assertThat(w.finishedAt()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
        });
    }
}
