package io.ringlab.launcher.lab;

import io.ringlab.launcher.lab.check.Verdict;
import io.ringlab.model.lab.LabEvent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's REST on a free port over a stand-in lab: who made a change, and the faults as metrics. */
class LabControlServerTest {

    private final List<String> healedBy = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void namesWhoHealedAndServesTheFaultsAsMetrics() throws Exception {
        try (LabControlServer server = new LabControlServer(0, new StandIn(), "admin", "secret")) {
            assertThat(post(server, "/api/faults/heal", null).statusCode()).isEqualTo(200);
            assertThat(post(server, "/api/faults/heal", "ada (dashboard, from 10.0.0.7)")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(post(server, "/api/faults/heal", "x".repeat(300)).statusCode())
                    .isEqualTo(200);
            assertThat(healedBy).startsWith("admin (REST, from 127.0.0.1)", "ada (dashboard, from 10.0.0.7)");
            assertThat(healedBy.get(2))
                    .as("cut as log lines are")
                    .hasSizeLessThan(150)
                    .endsWith("chars)");

            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue(LabMetrics.CONTENT_TYPE);
            assertThat(metrics.body())
                    .contains("ringlab_lab_fault_active{id=\"1\",kind=\"freeze\",spec=\"freeze server-2\"} 1");
        }
    }

    private HttpResponse<String> post(LabControlServer server, String path, String operator) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (operator != null) {
            request.header(LabControlServer.OPERATOR_HEADER, operator);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private final class StandIn implements LabControl {
        @Override
        public FaultView inject(String spec, String by) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean heal(int id, String by) {
            return false;
        }

        @Override
        public void healAll(String by) {
            healedBy.add(by);
        }

        @Override
        public List<FaultView> faults() {
            return List.of(new FaultView(1, "freeze server-2", "freeze", "active", 2, 12.0, 1_000, 11_000L, 4.0, null));
        }

        @Override
        public Verdict verdict() {
            return null;
        }

        @Override
        public List<LabEvent> events() {
            return List.of();
        }
    }
}
