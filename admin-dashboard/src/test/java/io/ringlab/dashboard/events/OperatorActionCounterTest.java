package io.ringlab.dashboard.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorActionCounterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OperatorActionCounter counter =
            new OperatorActionCounter(registry, Set.of("server-1", "agent-1")::contains);

    @Test
    void countsEachActionByEndpointTargetOperatorAndOutcome() {
        counter.count("/api/control/servers/{server}/down", Map.of("server", "server-1"), "admin", 202);
        counter.count("/api/control/servers/{server}/down", Map.of("server", "server-1"), "admin", 409);
        counter.count("/api/control/servers/{server}/down", Map.of("server", "server-1"), "admin", 202);
        counter.count("/api/lab/faults/{id}/heal", Map.of("id", "7"), "ops", 200);
        counter.count("/api/control/ring/periodic/pause", Map.of(), "admin", 200);

        assertThat(count("servers/down", "server-1", "admin", "2xx")).isEqualTo(2.0);
        assertThat(count("servers/down", "server-1", "admin", "4xx")).isEqualTo(1.0);
        assertThat(count("lab/faults/heal", "none", "ops", "2xx")).isEqualTo(1.0);
        assertThat(count("ring/periodic/pause", "none", "admin", "2xx")).isEqualTo(1.0);
    }

    @Test
    void aNameOrPathItDoesNotKnowAddsNoNewSeries() {
        for (int i = 0; i < 50; i++) {
            counter.count("/api/control/agents/{agent}/strategy", Map.of("agent", "agent-" + (100 + i)), "admin", 404);
            counter.count(null, Map.of(), "admin", 404);
        }

        assertThat(count("agents/strategy", "unknown", "admin", "4xx")).isEqualTo(50.0);
        assertThat(count("unmatched", "none", "admin", "4xx")).isEqualTo(50.0);
        assertThat(registry.find(OperatorActionCounter.NAME).counters()).hasSize(2);
    }

    private double count(String action, String target, String operator, String outcome) {
        return registry.get(OperatorActionCounter.NAME)
                .tag("action", action)
                .tag("target", target)
                .tag("operator", operator)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
