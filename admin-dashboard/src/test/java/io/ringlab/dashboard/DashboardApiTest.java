package io.ringlab.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's own API over fake services: sign-in, the aggregated cluster with a service that is down or
 * answers too much, controls forwarded with the cluster credential, controls refused before they are forwarded,
 * and answers of a service the dashboard does not pass on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest {

    private static final String PASSWORD = "test-password-" + System.nanoTime();
    private static final int MAX_BODY_SIZE = 64 * 1024;
    private static final String TOO_LARGE = "{\"pad\": \"" + "x".repeat(MAX_BODY_SIZE) + "\"}";

    private FakeService server1;
    private FakeService agent1;
    private FakeService agent2;
    private FakeService client1;
    private FakeService client2;
    private ConfigurableApplicationContext dashboard;
    private String base;
    private Browserless signedIn;

    @BeforeAll
    void start() throws Exception {
        server1 = new FakeService()
                .answer("GET /api/status", 200, """
                        {"role": "ring-server", "instance": "server-1", "udpPort": 4242, "state": "up", "downForMs": 0,
                         "requestsReceived": 10}""")
                .answer("GET /api/ring", 200, """
                        {"self": "127.0.0.1:4242", "round": "3@127.0.0.1:4243#1a2b", "value": 857687, "state": "up",
                         "left": "127.0.0.1:4244", "right": "127.0.0.1:4243", "lastWinners": []}""")
                .answer("POST /api/server/down", 202, "{\"state\": \"down\"}")
                .answer("POST /api/ring/elections", 409, "{\"status\": 409, \"detail\": \"a round is in progress\"}")
                .answer("POST /api/ring/periodic/pause", 200, "{}");
        agent1 = new FakeService()
                .answer(
                        "GET /api/status",
                        200,
                        "{\"instance\": \"agent-1\", \"strategy\": \"round-robin\", \"servers\": []}")
                .answer("POST /api/agent/strategy", 200, "{\"strategy\": \"p2c-latency\"}");
        agent2 = new FakeService()
                .answer(
                        "GET /api/status",
                        200,
                        "{\"instance\": \"agent-2\", \"strategy\": \"round-robin\", \"servers\": []}")
                .answer("POST /api/agent/strategy", 401, "");
        client1 = new FakeService()
                .answer("GET /api/status", 200, """
                        {"instance": "client-1", "threads": 4, "running": true, "sent": 100, "responses": 100,
                         "timeouts": 0, "wrongReplies": 0, "averageMs": 1.0, "p50Ms": 1.0, "p99Ms": 2.0}""")
                .answer("PUT /api/load", 200, "{\"threads\": 8}")
                .answer("POST /api/load/reset", 200, TOO_LARGE)
                .answer("POST /api/load/stop", 200, "text/html", "<script>alert('from client-1')</script>");
        client2 = new FakeService().answer("GET /api/status", 200, TOO_LARGE);
        dashboard = DashboardApplication.application()
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.jmx.enabled=false",
                        "--ringlab.security.password=" + PASSWORD,
                        "--ringlab.dashboard.poll-interval=200ms",
                        "--ringlab.dashboard.poll-timeout=150ms",
                        "--ringlab.dashboard.servers[0].name=server-1",
                        "--ringlab.dashboard.servers[0].url=" + server1.url(),
                        "--ringlab.dashboard.servers[1].name=server-2",
                        "--ringlab.dashboard.servers[1].url=" + closedPortUrl(),
                        "--ringlab.dashboard.agents[0].name=agent-1",
                        "--ringlab.dashboard.agents[0].url=" + agent1.url(),
                        "--ringlab.dashboard.agents[1].name=agent-2",
                        "--ringlab.dashboard.agents[1].url=" + agent2.url(),
                        "--ringlab.dashboard.clients[0].name=client-1",
                        "--ringlab.dashboard.clients[0].url=" + client1.url(),
                        "--ringlab.dashboard.clients[1].name=client-2",
                        "--ringlab.dashboard.clients[1].url=" + client2.url(),
                        "--ringlab.dashboard.max-body-size=" + MAX_BODY_SIZE + "B",
                        "--ringlab.dashboard.grafana-url=http://127.0.0.1:3000/");
        base = "http://127.0.0.1:" + dashboard.getEnvironment().getProperty("local.server.port");
        signedIn = new Browserless(base);
        assertThat(signedIn.signIn("admin", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        for (FakeService fake : new FakeService[] {server1, agent1, agent2, client1, client2}) {
            if (fake != null) {
                fake.close();
            }
        }
    }

    @Test
    void nothingButTheSignInPageIsServedBeforeSignIn() throws Exception {
        Browserless stranger = new Browserless(base);

        assertThat(stranger.get("/api/cluster").statusCode()).isEqualTo(401);
        HttpResponse<String> page = stranger.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> signIn = stranger.get("/login");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("<form").doesNotContain("data-control");
        assertThat(Browserless.json(stranger.get("/api/session"))
                        .path("signedIn")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Browserless stranger = new Browserless(base);

        assertThat(stranger.signIn("admin", "wrong").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(stranger.get("/api/cluster").statusCode()).isEqualTo(401);
    }

    @Test
    void showsEveryServiceAndOneThatIsDownAsUnreachable() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode cluster = Browserless.json(signedIn.get("/api/cluster"));
            JsonNode server1View = cluster.path("servers").get(0);
            assertThat(server1View.path("reachable").asBoolean()).isTrue();
            assertThat(server1View.path("status").path("requestsReceived").asLong())
                    .isEqualTo(10);
            assertThat(server1View.path("ring").path("value").asLong()).isEqualTo(857687);
            JsonNode server2View = cluster.path("servers").get(1);
            assertThat(server2View.path("name").asString()).isEqualTo("server-2");
            assertThat(server2View.path("reachable").asBoolean()).isFalse();
            assertThat(server2View.path("error").asString()).isEqualTo("connection refused");
            assertThat(cluster.path("agents")
                            .get(0)
                            .path("status")
                            .path("strategy")
                            .asString())
                    .isEqualTo("round-robin");
            assertThat(cluster.path("clients").get(0).path("reachable").asBoolean())
                    .isTrue();
            assertThat(cluster.path("clients").get(1).path("reachable").asBoolean())
                    .isFalse();
            assertThat(cluster.path("clients").get(1).path("error").asString())
                    .isEqualTo(
                            "answered with more than 65536 bytes, the most the dashboard reads (ringlab.dashboard.max-body-size)");
            assertThat(cluster.path("serverNames").path("127.0.0.1:4242").asString())
                    .isEqualTo("server-1");
            assertThat(cluster.path("strategies")).hasSize(5);
        });
    }

    @Test
    void keepsTheClientsChartHistory() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode history = Browserless.json(signedIn.get("/api/history"));
            assertThat(history.path("client-1").size()).isGreaterThanOrEqualTo(2);
            assertThat(history.path("client-1").get(1).path("requestsPerSecond").asDouble())
                    .isZero();
        });
    }

    @Test
    void keepsTheTimelinesHistoryServersStatesAndClientsSamples() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode timeline = Browserless.json(signedIn.get("/api/timeline"));
            JsonNode server1 = timeline.path("servers").path("server-1");
            assertThat(server1.get(server1.size() - 1).path("state").asString()).isEqualTo("up");
            assertThat(server1.get(0).path("t").asLong()).isPositive();
            JsonNode server2 = timeline.path("servers").path("server-2");
            assertThat(server2.get(server2.size() - 1).path("state").asString()).isEqualTo("unreachable");
            assertThat(timeline.path("clients").path("client-1").size()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void forwardsAControlWithTheClusterCredentialAndPassesBackTheServicesAnswer() throws Exception {
        HttpResponse<String> down = signedIn.control("POST", "/api/control/servers/server-1/down", "{\"seconds\": 30}");

        assertThat(down.statusCode()).as(down.body()).isEqualTo(202);
        assertThat(Browserless.json(down).path("state").asString()).isEqualTo("down");
        FakeService.Received forwarded =
                server1.received("POST", "/api/server/down").get(0);
        assertThat(forwarded.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(forwarded.body()).isEqualTo("{\"seconds\":30}");

        HttpResponse<String> election = signedIn.control("POST", "/api/control/servers/server-1/election", null);
        assertThat(election.statusCode()).isEqualTo(409);
        assertThat(election.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Browserless.json(election).path("detail").asString()).isEqualTo("a round is in progress");

        HttpResponse<String> threads =
                signedIn.control("PUT", "/api/control/clients/client-1/load", "{\"threads\": 8}");
        assertThat(threads.statusCode()).isEqualTo(200);
        assertThat(client1.received("PUT", "/api/load"))
                .extracting(FakeService.Received::body)
                .contains("{\"threads\":8}");

        HttpResponse<String> strategy =
                signedIn.control("POST", "/api/control/agents/agent-1/strategy", "{\"strategy\": \"p2c-latency\"}");
        assertThat(strategy.statusCode()).isEqualTo(200);
        assertThat(agent1.received("POST", "/api/agent/strategy"))
                .extracting(FakeService.Received::body)
                .contains("{\"strategy\":\"p2c-latency\"}");
    }

    @Test
    void refusesABadControlWithAReasonAndForwardsNothing() throws Exception {
        assertRefused(
                "POST",
                "/api/control/servers/server-9/down",
                "{\"seconds\": 5}",
                404,
                "no ring server named 'server-9'");
        assertRefused(
                "POST", "/api/control/servers/server-1/down", "{\"seconds\": -5}", 400, "seconds must be 1 to 3600");
        assertRefused(
                "POST", "/api/control/servers/server-1/down", "{\"seconds\": 3601}", 400, "seconds must be 1 to 3600");
        assertRefused("POST", "/api/control/servers/server-1/down", "{}", 400, "give {\"seconds\": N}");
        assertRefused(
                "POST",
                "/api/control/agents/agent-1/strategy",
                "{\"strategy\": \"random\"}",
                400,
                "unknown strategy 'random'");
        assertRefused(
                "POST",
                "/api/control/agents/agent-9/strategy",
                "{\"strategy\": \"round-robin\"}",
                404,
                "no agent named 'agent-9'");
        assertRefused("PUT", "/api/control/clients/client-1/load", "{\"threads\": 0}", 400, "threads must be 1 to");
        assertRefused("PUT", "/api/control/clients/client-1/load", "{\"rate\": -1}", 400, "rate must be 0");
        assertRefused("PUT", "/api/control/clients/client-1/load", "{}", 400, "give {\"threads\": N} and/or");
        assertThat(server1.received("POST", "/api/server/down"))
                .allSatisfy(forwarded -> assertThat(forwarded.body()).isEqualTo("{\"seconds\":30}"));
        assertThat(agent1.received("POST", "/api/agent/strategy"))
                .allSatisfy(forwarded -> assertThat(forwarded.body()).contains("p2c-latency"));
        assertThat(client1.received("PUT", "/api/load"))
                .allSatisfy(forwarded -> assertThat(forwarded.body()).isEqualTo("{\"threads\":8}"));
    }

    @Test
    void refusesAControlWithoutTheCsrfTokenOrWithoutASession() throws Exception {
        int before = client1.receivedExcept("GET").size();

        assertThat(signedIn.send("POST", "/api/control/clients/client-1/start", null, false)
                        .statusCode())
                .isEqualTo(403);
        Browserless stranger = new Browserless(base);
        assertThat(stranger.send("POST", "/api/control/clients/client-1/start", null, true)
                        .statusCode())
                .isEqualTo(401);
        assertThat(stranger.send("POST", "/api/control/clients/client-1/start", null, false)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client1.receivedExcept("GET")).hasSize(before);
    }

    @Test
    void aServiceThatIsDownOrRefusesTheCredentialIsABadGateway() throws Exception {
        HttpResponse<String> down = signedIn.control("POST", "/api/control/servers/server-2/up", null);
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(Browserless.json(down).path("detail").asString())
                .isEqualTo("server-2 could not be reached: connection refused");

        HttpResponse<String> refused =
                signedIn.control("POST", "/api/control/agents/agent-2/strategy", "{\"strategy\": \"p2c-latency\"}");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(Browserless.json(refused).path("detail").asString()).contains("refused the dashboard's credential");
    }

    @Test
    void anAnswerLargerThanTheDashboardReadsOrNotJsonIsABadGateway() throws Exception {
        HttpResponse<String> tooLarge = signedIn.control("POST", "/api/control/clients/client-1/reset", null);
        assertThat(tooLarge.statusCode()).isEqualTo(502);
        assertThat(Browserless.json(tooLarge).path("detail").asString())
                .isEqualTo("client-1 answered with more than "
                        + "65536 bytes, the most the dashboard reads (ringlab.dashboard.max-body-size)");

        HttpResponse<String> html = signedIn.control("POST", "/api/control/clients/client-1/stop", null);
        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Browserless.json(html).path("detail").asString())
                .isEqualTo("client-1 answered HTTP 200 with a body that is not JSON (Content-Type text/html)");
        assertThat(html.body()).doesNotContain("<script>");
    }

    @Test
    void givesThePageTheGrafanaToLinkTo() throws Exception {
        assertThat(Browserless.json(signedIn.get("/api/links")).path("grafana").asString())
                .isEqualTo("http://127.0.0.1:3000");
        assertThat(new Browserless(base).get("/api/links").statusCode()).isEqualTo(401);
    }

    @Test
    void controlsAreOperatorEventsWithWhoGaveThemServedAsJsonAndCsvFiltered() throws Exception {
        signedIn.control("POST", "/api/control/agents/agent-1/strategy", "{\"strategy\": \"p2c-latency\"}");

        JsonNode events = Browserless.json(signedIn.get("/api/events?kind=operator&source=agent-1"))
                .path("events");
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("kind").asString()).isEqualTo("operator");
            assertThat(event.path("source").asString()).isEqualTo("agent-1");
        });
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("text").asString()).isEqualTo("POST agents/agent-1/strategy → 200");
        assertThat(last.path("by").asString()).isEqualTo("admin (from 127.0.0.1)");

        HttpResponse<String> csv = signedIn.get("/api/events?kind=operator&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"ringlab-events.csv\"");
        assertThat(csv.body())
                .startsWith("seq,time,epochMillis,kind,source,text,by\r\n")
                .contains(",operator,agent-1,POST agents/agent-1/strategy → 200,admin (from 127.0.0.1)\r\n");

        HttpResponse<String> unknownKind = signedIn.get("/api/events?kind=gossip");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(Browserless.json(unknownKind).path("detail").asString())
                .startsWith("kind gossip: one of round, down");
        assertThat(new Browserless(base).get("/api/events").statusCode()).isEqualTo(401);

        // and counted for Prometheus, whose endpoint is open like the services'
        HttpResponse<String> metrics = new Browserless(base).get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("ringlab_dashboard_operator_actions_total\\{action=\"agents/strategy\","
                        + "application=\"admin-dashboard\",instance=\"admin-dashboard\",operator=\"admin\",outcome=\"2xx\","
                        + "target=\"agent-1\"} [1-9]");
    }

    @Test
    void pausesEveryServerAndSaysWhichDidNot() throws Exception {
        HttpResponse<String> pause = signedIn.control("POST", "/api/control/ring/periodic/pause", null);

        assertThat(server1.received("POST", "/api/ring/periodic/pause")).hasSize(1);
        assertThat(pause.statusCode()).isEqualTo(502);
        JsonNode problem = Browserless.json(pause);
        assertThat(problem.path("detail").asString())
                .contains("server-2 could not be reached: connection refused")
                .doesNotContain("server-1");
        assertThat(problem.path("results")).hasSize(2);
    }

    @Test
    void withoutALabThereIsNoFaultsPanel() throws Exception {
        assertThat(Browserless.json(signedIn.get("/api/lab")).path("present").asBoolean())
                .isFalse();
        HttpResponse<String> faults = signedIn.get("/api/lab/faults");
        assertThat(faults.statusCode()).isEqualTo(404);
        assertThat(Browserless.json(faults).path("detail").asString()).contains("ringlab.dashboard.lab-url");
        assertRefused("POST", "/api/lab/faults", "{\"fault\": \"freeze server-2\"}", 404, "no lab");
    }

    private void assertRefused(String method, String path, String json, int status, String detail) throws Exception {
        HttpResponse<String> response = signedIn.control(method, path, json);
        assertThat(response.statusCode()).as(path + " " + json).isEqualTo(status);
        assertThat(Browserless.json(response).path("detail").asString())
                .as(path + " " + json)
                .contains(detail);
    }

    private static String closedPortUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
