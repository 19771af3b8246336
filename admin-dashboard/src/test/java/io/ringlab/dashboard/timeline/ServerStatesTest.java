package io.ringlab.dashboard.timeline;

import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerStatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void tellsEachServerAsTheStripsDo() {
        List<ServiceView> servers = List.of(
                server("server-1", "{\"state\": \"up\"}", "{\"state\": \"normal\"}"),
                server("server-2", "{\"state\": \"down\"}", "{\"state\": \"down\"}"),
                server("server-3", "{\"state\": \"up\"}", "{\"state\": \"restarting\"}"),
                server("server-4", "{\"state\": \"up\"}", null),
                new ServiceView("server-5", "http://x", false, "timed out", 3, null, null));
        ServiceView agent = new ServiceView("agent-1", "http://a", true, null, 0, json("""
                {"servers": [{"server": "127.0.0.1:4", "up": false}, {"server": "127.0.0.1:1", "up": true}]}"""), null);
        ClusterView view = new ClusterView(
                1_000,
                1_000,
                60_000,
                servers,
                List.of(agent),
                List.of(),
                Map.of("127.0.0.1:1", "server-1", "127.0.0.1:4", "server-4"),
                Map.of(),
                List.of());

        assertThat(ServerStates.of(view))
                .containsExactly(
                        Map.entry("server-1", "up"),
                        Map.entry("server-2", "down"),
                        Map.entry("server-3", "restarting"),
                        Map.entry("server-4", "out"),
                        Map.entry("server-5", "unreachable"));
    }

    private static ServiceView server(String name, String status, String ring) {
        return new ServiceView(name, "http://x", true, null, 0, json(status), ring == null ? null : json(ring));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
