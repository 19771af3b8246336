package io.ringlab.system;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The seed's topology on real UDP sockets: three ring servers, two agents, two clients (client 1 with
 * agent 1, client 2 with agent 2). Each client sends a fixed number of requests and stops.
 */
class SeedTopologyTest {

    private static final int REQUESTS_PER_CLIENT = 3000;

    private static Cluster cluster;
    private static List<RunningService> servers;
    private static List<RunningService> agents;
    private static List<RunningService> clients;

    @BeforeAll
    static void startSeedTopology() {
        cluster = new Cluster();
        servers = List.of(cluster.server("server-1"), cluster.server("server-2"), cluster.server("server-3"));
        agents = List.of(cluster.agent("agent-1", servers), cluster.agent("agent-2", servers));
        // a generous timeout: a reply counts as lost only if it is really lost, not because the machine is busy
        clients = List.of(
                cluster.client(
                        "client-1",
                        Cluster.address(agents.get(0)),
                        "--ringlab.client.threads=16",
                        "--ringlab.client.max-requests=" + REQUESTS_PER_CLIENT,
                        "--ringlab.client.timeout=30s"),
                cluster.client(
                        "client-2",
                        Cluster.address(agents.get(1)),
                        "--ringlab.client.threads=16",
                        "--ringlab.client.max-requests=" + REQUESTS_PER_CLIENT,
                        "--ringlab.client.timeout=30s"));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> clients.stream()
                        .map(c -> c.clientStatus())
                        .allMatch(status -> !status.running() && status.inFlight() == 0));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void everyRequestGetsTheReversedPayloadBack() {
        for (RunningService client : clients) {
            ClientStatus status = client.clientStatus();
            assertThat(status.sent()).as(client.name()).isEqualTo(REQUESTS_PER_CLIENT);
            assertThat(status.responses()).as(client.name()).isEqualTo(REQUESTS_PER_CLIENT);
            assertThat(status.timeouts() + status.wrongReplies() + status.lateReplies())
                    .as(client.name())
                    .isZero();
            assertThat(status.successRate()).isEqualTo(1.0);
            assertThat(status.p50Ms()).isPositive().isLessThanOrEqualTo(status.p99Ms());
        }
    }

    @Test
    void eachAgentSplitsItsRequestsEvenlyOverTheThreeServers() {
        for (RunningService agent : agents) {
            AgentStatus status = agent.agentStatus();
            assertThat(status.forwarded()).isEqualTo(REQUESTS_PER_CLIENT);
            assertThat(status.repliesDelivered()).isEqualTo(REQUESTS_PER_CLIENT);
            assertThat(status.servers())
                    .hasSize(3)
                    .allSatisfy(share ->
                            assertThat(share.share()).as(share.server()).isCloseTo(1.0 / 3, within(0.02)));
        }
    }

    @Test
    void eachServerReceivesAThirdOfAllRequestsAndKnowsBothAgents() {
        long total = 2L * REQUESTS_PER_CLIENT;
        for (RunningService server : servers) {
            var status = server.serverStatus();
            assertThat((double) status.requestsReceived() / total)
                    .as(server.name())
                    .isCloseTo(1.0 / 3, within(0.02));
            assertThat(status.agents())
                    .as("agents that sent " + server.name() + " requests")
                    .hasSize(2);
        }
    }

    @Test
    void everyRoleReportsItsResultsAsJsonOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode client = json.readTree(get(http, clients.get(0)));
        assertThat(client.get("responses").asLong()).isEqualTo(REQUESTS_PER_CLIENT);
        assertThat(client.get("successRate").asDouble()).isEqualTo(1.0);
        assertThat(client.has("p99Ms")).isTrue();
        JsonNode agent = json.readTree(get(http, agents.get(0)));
        assertThat(agent.get("servers").size()).isEqualTo(3);
        assertThat(agent.get("servers").get(0).get("share").asDouble()).isCloseTo(1.0 / 3, within(0.02));
        JsonNode server = json.readTree(get(http, servers.get(0)));
        assertThat(server.get("requestsReceived").asLong()).isPositive();
    }

    private static String get(HttpClient http, RunningService service) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/api/status"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
