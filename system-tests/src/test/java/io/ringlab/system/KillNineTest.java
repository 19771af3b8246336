package io.ringlab.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command with a fault scenario, as processes: under load, ring server 2 is killed with
 * {@code kill -9} and started again. The agents take it out of rotation and back without help, and the load
 * clients see at least 99.99% of their requests answered from the kill to the end of the run. Every wait is on a
 * condition, with a generous bound; nothing is asserted about how fast things happen.
 * <p>
 * The count starts when the kill is seen, not when the run starts: on a loaded machine the services' first seconds
 * (JIT, first collections) can hold replies past the client's timeout, which says nothing about a kill. Both rates
 * are printed.
 */
class KillNineTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killedServerLeavesRotationComesBackAfterRestartAndClientsKeepTheirSuccessRate() throws Exception {
        List<Long> pids;
        LauncherProcess run = new LauncherProcess(
                "ringlab-local",
                "kill-nine-test",
                new Random(SEED),
                "--threads",
                "50",
                "--duration",
                "30m",
                "--elections",
                "off",
                "--kill-server",
                "2",
                "--kill-at",
                "8s",
                "--restart-after",
                "5s");
        int serverPort = run.serverPort;
        int httpPort = run.httpPort;
        Path output = run.output;
        try {
            String agent1 = "http://127.0.0.1:" + (httpPort + 101) + "/api/status";
            String agent2 = "http://127.0.0.1:" + (httpPort + 102) + "/api/status";
            String server2 = "http://127.0.0.1:" + (httpPort + 2) + "/api/status";
            await("traffic flows (seed " + SEED + ")")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> responses(httpPort + 201) > 1000 && responses(httpPort + 202) > 1000);

            // a machine so slow that the kill came before traffic flowed: count the whole run
            boolean killedBeforeTrafficFlowed = Files.readString(output).contains("killed server-2");
            await("server-2 is killed")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.readString(output).contains("killed server-2"));
            Outcomes atKill1 = killedBeforeTrafficFlowed ? Outcomes.NONE : outcomes(httpPort + 201);
            Outcomes atKill2 = killedBeforeTrafficFlowed ? Outcomes.NONE : outcomes(httpPort + 202);
            await("both agents take server-2 out of rotation")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !serverUp(agent1, serverPort + 1) && !serverUp(agent2, serverPort + 1));

            await("server-2 is started again")
                    .atMost(PATIENCE)
                    .until(() -> Files.readString(output).contains("started server-2 again"));
            await("both agents put server-2 back")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> serverUp(agent1, serverPort + 1) && serverUp(agent2, serverPort + 1));
            await("the new server-2 serves requests")
                    .atMost(PATIENCE)
                    .until(() -> status(server2) != null
                            && status(server2).path("requestsReceived").asLong() > 100);

            Outcomes[] atKill = {atKill1, atKill2};
            int[] clients = {httpPort + 201, httpPort + 202};
            for (int i = 0; i < clients.length; i++) {
                Outcomes whole = outcomes(clients[i]);
                Outcomes sinceKill = whole.minus(atKill[i]);
                System.out.printf(
                        "client on http port %d: whole run %d finished, %d timeouts, success %.4f%%;"
                                + " from the kill %d finished, %d timeouts, success %.4f%%%n",
                        clients[i],
                        whole.finished(),
                        whole.timeouts(),
                        whole.successRate() * 100,
                        sinceKill.finished(),
                        sinceKill.timeouts(),
                        sinceKill.successRate() * 100);
                assertThat(sinceKill.finished())
                        .as("requests finished after the kill (seed %d)", SEED)
                        .isGreaterThan(1000);
                assertThat(sinceKill.successRate())
                        .as("success rate from the kill -9 to the end (seed %d)", SEED)
                        .isGreaterThanOrEqualTo(0.9999);
            }
            pids = run.startedPids();
        } finally {
            run.close();
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d still running after the launcher stopped", pid)
                    .isFalse();
        }
    }

    /** A client's outcomes so far, from its status. */
    private record Outcomes(long responses, long timeouts, long wrongReplies) {
        static final Outcomes NONE = new Outcomes(0, 0, 0);

        long finished() {
            return responses + timeouts + wrongReplies;
        }

        double successRate() {
            return (double) responses / finished();
        }

        Outcomes minus(Outcomes earlier) {
            return new Outcomes(
                    responses - earlier.responses, timeouts - earlier.timeouts, wrongReplies - earlier.wrongReplies);
        }
    }

    private Outcomes outcomes(int clientHttpPort) {
        JsonNode status = status("http://127.0.0.1:" + clientHttpPort + "/api/status");
        if (status == null) {
            throw new AssertionError("client on http port " + clientHttpPort + " gives no status (seed " + SEED + ")");
        }
        return new Outcomes(
                status.path("responses").asLong(),
                status.path("timeouts").asLong(),
                status.path("wrongReplies").asLong());
    }

    private long responses(int clientHttpPort) {
        JsonNode status = status("http://127.0.0.1:" + clientHttpPort + "/api/status");
        return status == null ? 0 : status.path("responses").asLong();
    }

    private boolean serverUp(String agentStatusUrl, int serverUdpPort) {
        JsonNode status = status(agentStatusUrl);
        if (status == null) {
            return false;
        }
        for (JsonNode server : status.path("servers")) {
            if (server.path("server").asString().endsWith(":" + serverUdpPort)) {
                return server.path("up").asBoolean();
            }
        }
        throw new AssertionError("agent has no server on port " + serverUdpPort + ": " + status);
    }

    private JsonNode status(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
