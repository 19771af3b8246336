package io.ringlab.system;

import io.ringlab.protocol.DropReason;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Far more load than the servers can serve: 3,000 client threads against one agent whose servers take 5 ms
 * a request. The agent sheds what does not fit (counted), its pending table never exceeds its bound, and its
 * health endpoint keeps answering.
 */
class OverloadTest {

    private static final int MAX_PENDING = 500;

    @Test
    void agentShedsLoadItCannotServeStaysBoundedAndKeepsAnsweringHealth() throws Exception {
        try (Cluster cluster = new Cluster()) {
            List<RunningService> servers = List.of(
                    cluster.server("server-1", "--ringlab.server.faults.delay=5ms"),
                    cluster.server("server-2", "--ringlab.server.faults.delay=5ms"),
                    cluster.server("server-3", "--ringlab.server.faults.delay=5ms"));
            RunningService agent = cluster.agent("agent-1", servers, "--ringlab.agent.max-pending=" + MAX_PENDING);
            cluster.client(
                    "client-1", Cluster.address(agent), "--ringlab.client.threads=3000", "--ringlab.client.timeout=3s");

            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            int maxSeen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (agent.drops(DropReason.PENDING_FULL) < 1000 && System.nanoTime() < deadline) {
                maxSeen = Math.max(maxSeen, (int) agent.agentStatus().pending());
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as("health while overloaded").isEqualTo(200);
                assertThat(health.body()).contains("UP");
            }
            assertThat(agent.drops(DropReason.PENDING_FULL))
                    .as("requests shed while overloaded")
                    .isGreaterThanOrEqualTo(1000);
            assertThat(maxSeen).isLessThanOrEqualTo(MAX_PENDING);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.agentStatus().pending() <= MAX_PENDING);
        }
    }
}
