package io.ringlab.dashboard.cluster;

import io.ringlab.model.status.StatusJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceViewRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aViewReadsItsStatusAsTheModelRecordWhateverPropertiesItHasMoreOrFewer() {
        ServiceView server = new ServiceView(
                "server-1",
                "http://10.0.0.1:8081",
                true,
                null,
                0,
                JSON.readTree(
                        "{\"state\": \"down\", \"downForMs\": 4000, \"udpPort\": 4242, \"fromANewerBuild\": [1]}"),
                JSON.readTree("{\"self\": \"10.0.0.1:4242\", \"state\": \"down\"}"));

        assertThat(server.serverStatus().state()).isEqualTo("down");
        assertThat(server.serverStatus().downForMs()).isEqualTo(4000);
        assertThat(server.serverStatus().requestsReceived()).isZero();
        assertThat(server.ringStatus().self()).isEqualTo("10.0.0.1:4242");
    }

    @Test
    void noStatusOrOneOfAnotherShapeIsNone() {
        ServiceView lost = ServiceView.unreachable("agent-1", "http://10.0.0.2:8082", "timeout", 3);
        ServiceView odd =
                new ServiceView("client-1", "http://10.0.0.3:8083", true, null, 0, JSON.readTree("[1, 2]"), null);

        assertThat(lost.agentStatus()).isNull();
        assertThat(odd.clientStatus()).isNull();
        assertThat(odd.ringStatus()).isNull();
        assertThat(StatusJson.read(JSON.readTree("{\"sent\": \"many\"}"), io.ringlab.model.status.ClientStatus.class))
                .isNull();
    }
}
