package io.ringlab.system;

import io.ringlab.system.ControlClient.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every control endpoint of every role, over real HTTP. Without credentials, or with a wrong password, it
 * answers {@code 401} with a Basic challenge and changes nothing; a malformed request gets a {@code 4xx}
 * problem document with a message and changes nothing; the operator's request takes effect. Every change,
 * or its absence, is read through the open {@code GET} endpoints.
 */
class ControlPlaneTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Cluster cluster;
    private static List<RunningService> servers;
    private static RunningService agent;
    private static RunningService client;
    private static RunningService runningClient;

    @BeforeAll
    static void start() {
        cluster = new Cluster();
        servers = cluster.ring(3, new Random(SEED), "--ringlab.server.ring.periodic=false");
        agent = cluster.agent("agent-1", servers);
        client = cluster.client(
                "client-1",
                Cluster.address(agent),
                "--ringlab.client.autostart=false",
                "--ringlab.client.threads=2",
                "--ringlab.client.timeout=30s");
        runningClient = cluster.client(
                "client-2", Cluster.address(agent), "--ringlab.client.rate=20", "--ringlab.client.timeout=30s");

        // state for the endpoints to (not) change: server-2 manually down, server-3 paused, counts in client-1
        assertThat(ControlClient.post(servers.get(1), "/api/server/down", "{\"seconds\": 3600}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(ControlClient.post(servers.get(2), "/api/ring/periodic/pause")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ControlClient.post(client, "/api/load/start").statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> client.clientStatus().responses() > 20);
        assertThat(ControlClient.post(client, "/api/load/stop").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A control endpoint, a valid request to it, and what of the GET endpoints it would change. */
    record Endpoint(
            String name,
            Supplier<RunningService> service,
            String method,
            String path,
            String body,
            Supplier<Object> observed) {

        @Override
        public String toString() {
            return method + " " + path + " (" + name + ")";
        }
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                        new Endpoint(
                                "agent",
                                () -> agent,
                                "POST",
                                "/api/agent/strategy",
                                "{\"strategy\":\"least-outstanding\"}",
                                () -> status(agent).path("strategy")),
                        new Endpoint(
                                "server-1",
                                () -> servers.get(0),
                                "POST",
                                "/api/ring/elections",
                                null,
                                () -> List.of(ring(0).path("round"), ring(0).path("phase"), ring(1).path("round"))),
                        new Endpoint(
                                "server-1",
                                () -> servers.get(0),
                                "POST",
                                "/api/ring/periodic/pause",
                                null,
                                () -> ring(0).path("periodicPaused")),
                        new Endpoint(
                                "server-3, paused",
                                () -> servers.get(2),
                                "POST",
                                "/api/ring/periodic/resume",
                                null,
                                () -> ring(2).path("periodicPaused")),
                        new Endpoint(
                                "server-1",
                                () -> servers.get(0),
                                "POST",
                                "/api/server/down",
                                "{\"seconds\":60}",
                                () -> status(servers.get(0)).path("state")),
                        new Endpoint(
                                "server-2, manually down",
                                () -> servers.get(1),
                                "POST",
                                "/api/server/up",
                                null,
                                () -> status(servers.get(1)).path("state")),
                        new Endpoint(
                                "client-1, stopped",
                                () -> client,
                                "POST",
                                "/api/load/start",
                                null,
                                () -> List.of(
                                        status(client).path("running"),
                                        status(client).path("sent"))),
                        new Endpoint(
                                "client-2, running",
                                () -> runningClient,
                                "POST",
                                "/api/load/stop",
                                null,
                                () -> status(runningClient).path("running")),
                        new Endpoint(
                                "client-1",
                                () -> client,
                                "PUT",
                                "/api/load",
                                "{\"threads\":7,\"rate\":100}",
                                () -> loadSettings(client)),
                        new Endpoint(
                                "client-1",
                                () -> client,
                                "POST",
                                "/api/load/reset",
                                null,
                                () -> List.of(
                                        status(client).path("sent"),
                                        status(client).path("responses"))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutCredentialsOrWithAWrongPasswordTheAnswerIs401AndNothingChanges(Endpoint endpoint) {
        Object before = endpoint.observed().get();
        for (Credentials credentials : List.of(Credentials.NONE, Credentials.WRONG_PASSWORD)) {
            HttpResponse<String> response = ControlClient.send(
                    endpoint.service().get(), endpoint.method(), endpoint.path(), endpoint.body(), credentials);
            assertThat(response.statusCode())
                    .as("%s with %s", endpoint, credentials)
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(ControlClient.json(response).path("detail").asString()).isNotBlank();
        }
        assertThat(endpoint.observed().get()).as("%s changed nothing", endpoint).isEqualTo(before);
    }

    @Test
    void agentStrategyRefusesAnUnknownNameOrABadBodyAndSwitchesOnTheOperatorsRequest() {
        refusedWithMessage(
                agent, "POST", "/api/agent/strategy", "{\"strategy\":\"fastest-first\"}", 400, "unknown strategy");
        refusedWithMessage(agent, "POST", "/api/agent/strategy", "{\"strategy\":", 400, "not valid JSON");
        refusedWithMessage(agent, "POST", "/api/agent/strategy", "{}", 400, "strategy");
        assertThat(status(agent).path("strategy").asString()).isEqualTo("round-robin");

        HttpResponse<String> switched =
                ControlClient.post(agent, "/api/agent/strategy", "{\"strategy\":\"p2c-latency\"}");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(status(agent).path("strategy").asString()).isEqualTo("p2c-latency");
        assertThat(switched.headers().firstValue("Set-Cookie"))
                .as("stateless: no session")
                .isEmpty();
        ControlClient.post(agent, "/api/agent/strategy", "{\"strategy\":\"round-robin\"}");
    }

    @Test
    void periodicElectionsArePausedAndResumedOnTheOperatorsRequest() {
        assertThat(ControlClient.post(servers.get(0), "/api/ring/periodic/pause")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ring(0).path("periodicPaused").asBoolean()).isTrue();
        assertThat(ControlClient.post(servers.get(0), "/api/ring/periodic/resume")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ring(0).path("periodicPaused").asBoolean()).isFalse();
    }

    @Test
    void aRoundIsStartedOnTheOperatorsRequestOrRefusedWithItsReason() {
        // the ring's servers all started moments ago: each refuses to start a round until it is sure it forgot
        // no down permit (downtime + guard), and says so
        HttpResponse<String> response = ControlClient.post(servers.get(0), "/api/ring/elections");
        assertThat(response.statusCode()).as(response.body()).isIn(202, 409);
        if (response.statusCode() == 409) {
            assertThat(ControlClient.json(response).path("detail").asString()).isNotBlank();
        }
    }

    @Test
    void manualDowntimeRefusesBadSecondsAndGoesDownAndUpOnTheOperatorsRequest() {
        RunningService server = servers.get(0);
        for (String body : List.of(
                "{\"seconds\":0}",
                "{\"seconds\":-5}",
                "{\"seconds\":3601}",
                "{\"seconds\":99999999999999999999}",
                "{\"seconds\":1.5}",
                "{\"seconds\":\"10\"}",
                "{}",
                "{\"seconds\":10,\"reason\":\"x\"}",
                "[10]",
                "{\"seconds\":")) {
            HttpResponse<String> response = ControlClient.post(server, "/api/server/down", body);
            assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(400);
            assertThat(ControlClient.json(response).path("detail").asString())
                    .as(body)
                    .isNotBlank();
        }
        refusedWithMessage(server, "POST", "/api/server/down", null, 400, "seconds");
        refusedWithMessage(server, "POST", "/api/server/up", null, 409, "not down");
        assertThat(status(server).path("state").asString()).isEqualTo("up");

        HttpResponse<String> down = ControlClient.post(server, "/api/server/down", "{\"seconds\":60}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(202);
        assertThat(ControlClient.json(down).path("state").asString()).isEqualTo("down");
        assertThat(ControlClient.json(down).path("seconds").asLong()).isEqualTo(60);
        JsonNode whileDown = status(server);
        assertThat(whileDown.path("state").asString()).isEqualTo("down");
        assertThat(whileDown.path("downReason").asString()).isEqualTo("manual");
        assertThat(whileDown.path("downForMs").asLong()).isBetween(1L, 60_000L);
        refusedWithMessage(server, "POST", "/api/server/down", "{\"seconds\":5}", 409, "already down");
        assertThat(status(server).path("downForMs").asLong())
                .as("the first downtime still runs")
                .isGreaterThan(5_000);

        HttpResponse<String> up = ControlClient.post(server, "/api/server/up");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(ControlClient.json(up).path("state").asString()).isEqualTo("up");
        assertThat(status(server).path("state").asString()).isEqualTo("up");
        JsonNode reason = status(server).path("downReason");
        assertThat(reason.isNull() || reason.isMissingNode())
                .as("no reason when up: %s", reason)
                .isTrue();
    }

    @Test
    void loadSettingsRefuseBadValuesAndApplyOnTheOperatorsRequest() {
        JsonNode before = loadSettings(client);
        for (String body : List.of(
                "{\"threads\":0}",
                "{\"threads\":-1}",
                "{\"threads\":100001}",
                "{\"threads\":2.5}",
                "{\"threads\":\"5\"}",
                "{\"rate\":-1}",
                "{\"rate\":\"fast\"}",
                "{\"rate\":2000000}",
                "{}",
                "{\"threads\":5,\"speed\":1}",
                "[]",
                "{\"threads\":")) {
            HttpResponse<String> response = ControlClient.put(client, "/api/load", body);
            assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(400);
            assertThat(ControlClient.json(response).path("detail").asString())
                    .as(body)
                    .isNotBlank();
            assertThat(loadSettings(client)).as("after " + body).isEqualTo(before);
        }
        refusedWithMessage(client, "PUT", "/api/load", "{\"threads\":5,\"speed\":1}", 400, "unknown field 'speed'");
        refusedWithMessage(client, "PUT", "/api/load", "{\"rate\":-1}", 400, "'rate' must be a number from 0");

        assertThat(ControlClient.put(client, "/api/load", "{\"threads\":3}").statusCode())
                .isEqualTo(200);
        assertThat(status(client).path("threads").asInt()).isEqualTo(3);
        assertThat(status(client).path("mode").asString()).isEqualTo("closed-loop");
        HttpResponse<String> openLoop = ControlClient.put(client, "/api/load", "{\"rate\":250.5}");
        assertThat(ControlClient.json(openLoop).path("mode").asString()).isEqualTo("open-loop");
        assertThat(status(client).path("rate").asDouble()).isEqualTo(250.5);
        assertThat(status(client).path("threads").asInt())
                .as("kept for the closed loop")
                .isEqualTo(3);
        assertThat(status(client).path("running").asBoolean())
                .as("changed while stopped: not started")
                .isFalse();
        ControlClient.put(client, "/api/load", "{\"threads\":2,\"rate\":0}");
        assertThat(status(client).path("mode").asString()).isEqualTo("closed-loop");
    }

    @Test
    void loadIsStartedStoppedAndResetOnTheOperatorsRequest() {
        HttpResponse<String> started = ControlClient.post(client, "/api/load/start");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(ControlClient.json(started).path("running").asBoolean()).isTrue();
        refusedWithMessage(client, "POST", "/api/load/start", null, 409, "already running");
        long sent = status(client).path("sent").asLong();
        await().atMost(PATIENCE).until(() -> status(client).path("sent").asLong() > sent + 20);

        HttpResponse<String> changed = ControlClient.put(client, "/api/load", "{\"rate\":200}");
        assertThat(ControlClient.json(changed).path("running").asBoolean())
                .as("restarted with the new settings")
                .isTrue();
        assertThat(status(client).path("mode").asString()).isEqualTo("open-loop");

        HttpResponse<String> stopped = ControlClient.post(client, "/api/load/stop");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        JsonNode afterStop = status(client);
        assertThat(afterStop.path("running").asBoolean()).isFalse();
        assertThat(afterStop.path("inFlight").asLong())
                .as("a stop lets the requests in flight end")
                .isZero();
        assertThat(afterStop.path("timeouts").asLong()).isZero();
        refusedWithMessage(client, "POST", "/api/load/stop", null, 409, "not running");

        assertThat(ControlClient.post(client, "/api/load/reset").statusCode()).isEqualTo(200);
        JsonNode afterReset = status(client);
        assertThat(afterReset.path("sent").asLong()).isZero();
        assertThat(afterReset.path("responses").asLong()).isZero();
        assertThat(afterReset.path("p999Ms").asDouble()).isZero();
        ControlClient.put(client, "/api/load", "{\"rate\":0}");
    }

    @Test
    void readsActuatorAndTheirProbesStayOpen() {
        for (RunningService service : List.of(servers.get(0), agent, client)) {
            assertThat(ControlClient.get(service, "/api/status").path("role").asString())
                    .isNotBlank();
            assertThat(ControlClient.get(service, "/actuator/health")
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
            assertThat(ControlClient.send(service, "GET", "/actuator/prometheus", null, Credentials.NONE)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(ControlClient.send(service, "GET", "/actuator/env", null, Credentials.NONE)
                            .statusCode())
                    .as("not exposed")
                    .isEqualTo(404);
        }
        assertThat(ring(0).path("self").asString()).isNotBlank();
        assertThat(ControlClient.send(agent, "GET", "/api/status", null, Credentials.WRONG_PASSWORD)
                        .statusCode())
                .as("a read that carries wrong credentials")
                .isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithAProblemDocument() {
        HttpResponse<String> response =
                ControlClient.send(agent, "POST", "/api/agent/strategy", "strategy=x", Credentials.OPERATOR);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefusedWithAProblemDocumentAndChangesNothing() {
        HttpResponse<String> response = ControlClient.sendAs(
                servers.get(0),
                "POST",
                "/api/server/down",
                "{\"seconds\":60}",
                "text/plain",
                "admin",
                Cluster.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(ControlClient.json(response).path("detail").asString()).isNotBlank();
        assertThat(status(servers.get(0)).path("state").asString()).isEqualTo("up");
    }

    private static void refusedWithMessage(
            RunningService service, String method, String path, String body, int status, String message) {
        HttpResponse<String> response = ControlClient.send(service, method, path, body, Credentials.OPERATOR);
        assertThat(response.statusCode())
                .as(method + " " + path + " " + body + ": " + response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ControlClient.json(response).path("detail").asString()).contains(message);
    }

    private static JsonNode status(RunningService service) {
        return ControlClient.get(service, "/api/status");
    }

    private static JsonNode ring(int server) {
        return ControlClient.get(servers.get(server), "/api/ring");
    }

    private static JsonNode loadSettings(RunningService service) {
        JsonNode status = status(service);
        return tools.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("mode", status.path("mode").asString())
                .put("threads", status.path("threads").asInt())
                .put("rate", status.path("rate").asDouble())
                .put("running", status.path("running").asBoolean());
    }
}
