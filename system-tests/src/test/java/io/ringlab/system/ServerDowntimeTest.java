package io.ringlab.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Planned downtime asked for through REST, on a ring of three servers under load, with two agents: the server
 * is shown down by both agents, traffic avoids it, and it comes back when its time is up or when the operator
 * ends it early. A downtime the election started cannot be ended or stacked through REST.
 */
class ServerDowntimeTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Cluster cluster;
    private static List<RunningService> servers;
    private static List<RunningService> agents;
    private static RunningService client;

    @BeforeAll
    static void start() {
        cluster = new Cluster();
        servers = cluster.ring(
                3,
                new Random(SEED),
                "--ringlab.server.ring.periodic=false",
                "--ringlab.server.ring.downtime=4s",
                "--ringlab.server.ring.drain=200ms");
        agents = List.of(cluster.agent("agent-1", servers), cluster.agent("agent-2", servers));
        client = cluster.client(
                "client-1",
                Cluster.address(agents.get(0)),
                "--ringlab.client.threads=4",
                "--ringlab.client.timeout=30s");
        await().atMost(PATIENCE).until(() -> agents.get(0).agentStatus().forwarded() > 300);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void everyServerIsUpAndInRotation() {
        await("every server up (seed " + SEED + ")")
                .atMost(PATIENCE)
                .until(() -> servers.stream()
                        .noneMatch(server -> server.serverStatus().state().equals("down")));
        for (RunningService agent : agents) {
            await().atMost(PATIENCE)
                    .until(() -> agentView(agent, 0).path("up").asBoolean()
                            && agentView(agent, 1).path("up").asBoolean()
                            && agentView(agent, 2).path("up").asBoolean());
        }
    }

    @Test
    void aServerTakenDownThroughRestIsAvoidedByTheAgentsAndComesBackWhenItsTimeIsUp() {
        RunningService server = servers.get(1);
        HttpResponse<String> down = ControlClient.post(server, "/api/server/down", "{\"seconds\":10}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(202);

        for (RunningService agent : agents) {
            await(agent.name() + " shows it down")
                    .atMost(PATIENCE)
                    .until(() -> agentView(agent, 1).path("state").asString().equals("down"));
        }
        assertTrafficAvoids(1);
        assertThat(ControlClient.get(server, "/api/status").path("downReason").asString())
                .isEqualTo("manual");

        awaitServing(1);
        assertThat(client.clientStatus().timeouts()).isZero();
    }

    @Test
    void endingAManualDowntimeEarlyBringsTheServerBack() {
        RunningService server = servers.get(2);
        assertThat(ControlClient.post(server, "/api/server/down", "{\"seconds\":3600}")
                        .statusCode())
                .isEqualTo(202);
        for (RunningService agent : agents) {
            await(agent.name() + " shows it down")
                    .atMost(PATIENCE)
                    .until(() -> !agentView(agent, 2).path("up").asBoolean());
        }
        assertTrafficAvoids(2);

        HttpResponse<String> up = ControlClient.post(server, "/api/server/up");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(ControlClient.get(server, "/api/status").path("state").asString())
                .isEqualTo("up");
        awaitServing(2);
    }

    @Test
    void anElectionDowntimeCannotBeEndedEarlyNorStackedThroughRest() {
        // a server refuses to start a round until it is sure it forgot no down permit (downtime + guard after
        // its start); a refusal changes nothing, so ask until it is accepted
        await("a round starts")
                .atMost(PATIENCE)
                .until(() -> ControlClient.post(servers.get(0), "/api/ring/elections")
                                .statusCode()
                        == 202);
        await("the winner goes down").atMost(PATIENCE).until(() -> winner() >= 0);
        RunningService winner = servers.get(winner());

        HttpResponse<String> up = ControlClient.post(winner, "/api/server/up");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(409);
        assertThat(ControlClient.json(up).path("detail").asString()).contains("won an election");
        HttpResponse<String> down = ControlClient.post(winner, "/api/server/down", "{\"seconds\":60}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(409);
        assertThat(ControlClient.json(down).path("detail").asString()).contains("already down");

        JsonNode status = ControlClient.get(winner, "/api/status");
        assertThat(status.path("state").asString()).isEqualTo("down");
        assertThat(status.path("downReason").asString()).isEqualTo("election");
        assertThat(status.path("downForMs").asLong())
                .as("the election's 4 s, not 60")
                .isLessThanOrEqualTo(4_000);
        await("the election's downtime ends by itself")
                .atMost(PATIENCE)
                .until(() -> !winner.serverStatus().state().equals("down"));
    }

    /** The agent sends the server nothing while others serve 200 requests, and the server drops nothing. */
    private static void assertTrafficAvoids(int index) {
        RunningService agent = agents.get(0);
        long sentToIt = agent.serverShare(index).forwarded();
        long total = agent.agentStatus().forwarded();
        await().atMost(PATIENCE).until(() -> agent.agentStatus().forwarded() > total + 200);
        assertThat(agent.serverShare(index).forwarded())
                .as("requests sent to the server that is down")
                .isEqualTo(sentToIt);
    }

    private static void awaitServing(int index) {
        for (RunningService agent : agents) {
            await(agent.name() + " takes it back")
                    .atMost(PATIENCE)
                    .until(() -> agentView(agent, index).path("up").asBoolean());
        }
        long received = servers.get(index).serverStatus().requestsReceived();
        await("it serves again")
                .atMost(PATIENCE)
                .until(() -> servers.get(index).serverStatus().requestsReceived() > received);
    }

    /** How the agent's {@code GET /api/status} shows server {@code index}. */
    private static JsonNode agentView(RunningService agent, int index) {
        return ControlClient.get(agent, "/api/status").path("servers").get(index);
    }

    private static int winner() {
        for (int i = 0; i < servers.size(); i++) {
            if ("election".equals(servers.get(i).serverStatus().downReason())) {
                return i;
            }
        }
        return -1;
    }
}
