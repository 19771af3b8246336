package io.ringlab.dashboard.cluster;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerNamesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aServerIsKnownByItsRingIdAndByItsRestHostWithItsUdpPort() {
        ServiceView local = new ServiceView(
                "server-2",
                "http://127.0.0.1:8002",
                true,
                null,
                0,
                JSON.readTree("{\"udpPort\": 4243}"),
                JSON.readTree("{\"self\": \"localhost:4243\"}"));
        ServiceView kubernetes = new ServiceView(
                "server-3",
                "http://ring-server-3.ring-server:8080/",
                true,
                null,
                0,
                JSON.readTree("{\"udpPort\": 4242}"),
                null);
        ServiceView unreachable = ServiceView.unreachable("server-4", "http://127.0.0.1:8004", "connection refused", 1);

        assertThat(ServerNames.of(List.of(local, kubernetes, unreachable)))
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("127.0.0.1:4243", "server-2"),
                        org.assertj.core.api.Assertions.entry("localhost:4243", "server-2"),
                        org.assertj.core.api.Assertions.entry("ring-server-3.ring-server:4242", "server-3"));
    }
}
