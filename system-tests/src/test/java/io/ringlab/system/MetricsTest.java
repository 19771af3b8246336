package io.ringlab.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every role's meters at /actuator/prometheus, tagged with application and instance; Actuator shows nothing more. */
class MetricsTest {

    private static Cluster cluster;
    private static RunningService server;
    private static RunningService agent;
    private static RunningService client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cluster = new Cluster();
        server = cluster.server("server-1");
        agent = cluster.agent("agent-1", List.of(server));
        client = cluster.client(
                "client-1",
                Cluster.address(agent),
                "--ringlab.client.threads=4",
                "--ringlab.client.max-requests=500",
                "--ringlab.client.timeout=30s");
        await().atMost(Duration.ofMinutes(1)).until(() -> !client.clientStatus().running());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void clientExposesResponseTimeWithSubMillisecondBucketsAndOutcomes() throws Exception {
        String metrics = get(client, "/actuator/prometheus");
        assertThat(metrics)
                .contains(
                        "ringlab_client_response_time_seconds_bucket{application=\"load-client\",instance=\"client-1\",le=\"1.0E-5\"}");
        assertThat(metrics)
                .containsPattern(
                        "ringlab_client_response_time_seconds_count\\{application=\"load-client\",instance=\"client-1\"} 500");
        assertThat(metrics)
                .containsPattern(
                        "ringlab_client_requests_total\\{application=\"load-client\",instance=\"client-1\",outcome=\"success\"} 500");
        assertThat(metrics)
                .contains(
                        "ringlab_client_requests_total{application=\"load-client\",instance=\"client-1\",outcome=\"timeout\"} 0");
    }

    @Test
    void agentExposesPerServerLoadStateAndStrategy() throws Exception {
        String metrics = get(agent, "/actuator/prometheus");
        String serverTag = "server=\"127.0.0.1:" + server.udpPort("requestSocket") + "\"";
        assertThat(metrics)
                .containsPattern("ringlab_agent_forwarded_total\\{application=\"lb-agent\",instance=\"agent-1\","
                        + serverTag + "} 500");
        assertThat(metrics)
                .contains("ringlab_agent_server_up{application=\"lb-agent\",instance=\"agent-1\"," + serverTag + "} 1");
        assertThat(metrics)
                .contains(
                        "ringlab_agent_strategy{application=\"lb-agent\",instance=\"agent-1\",strategy=\"round-robin\"} 1");
        assertThat(metrics).contains("ringlab_agent_retries_total{application=\"lb-agent\",instance=\"agent-1\"}");
        assertThat(metrics)
                .contains(
                        "ringlab_datagrams_dropped_total{application=\"lb-agent\",instance=\"agent-1\",reason=\"overload\"} 0");
    }

    @Test
    void serverExposesRequestsStateAndElections() throws Exception {
        String metrics = get(server, "/actuator/prometheus");
        assertThat(metrics)
                .containsPattern(
                        "ringlab_server_requests_total\\{application=\"ring-server\",instance=\"server-1\",kind=\"framed\"} 500");
        assertThat(metrics).contains("ringlab_server_up{application=\"ring-server\",instance=\"server-1\"} 1");
        assertThat(metrics)
                .contains(
                        "ringlab_server_elections_total{application=\"ring-server\",instance=\"server-1\",outcome=\"completed\"}");
    }

    @Test
    void actuatorExposesHealthWithProbesInfoAndPrometheusOnly() throws Exception {
        String index = get(agent, "/actuator");
        assertThat(index)
                .contains("/actuator/health", "/actuator/info", "/actuator/prometheus")
                .doesNotContain("/actuator/env", "/actuator/beans", "/actuator/metrics\"");
        assertThat(get(agent, "/actuator/health/liveness")).contains("UP");
        assertThat(get(agent, "/actuator/health/readiness")).contains("UP");
        assertThat(status(agent, "/actuator/env")).isEqualTo(404);
    }

    private static String get(RunningService service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(request(service, path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static int status(RunningService service, String path) throws Exception {
        return HTTP.send(request(service, path), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest request(RunningService service, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .build();
    }
}
