package io.ringlab.system;

import io.ringlab.model.status.RingStatus;
import io.ringlab.protocol.DropReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's down/up cycle on real UDP: three ring servers elect one, the winner announces {@code d}, the
 * agent stops sending to it at once, and on {@code u} takes it back. Periodic rounds are off: the test
 * starts the round, so nothing depends on when timers happen to fire.
 */
class RingElectionUdpTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Cluster cluster;
    private static List<RunningService> servers;
    private static RunningService agent;

    @BeforeAll
    static void start() {
        cluster = new Cluster();
        servers = cluster.ring(
                3,
                new Random(SEED),
                "--ringlab.server.ring.periodic=false",
                "--ringlab.server.ring.downtime=8s",
                "--ringlab.server.ring.drain=1s");
        agent = cluster.agent("agent-1", servers);
        cluster.client(
                "client-1", Cluster.address(agent), "--ringlab.client.threads=8", "--ringlab.client.timeout=30s");
        await().atMost(PATIENCE).until(() -> agent.agentStatus().forwarded() > 300);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void electedServerGoesDownTheAgentSteersAroundItAndTakesItBackOnUp() {
        // a server that started less than downtime + guard ago refuses to start a round (it may have restarted
        // and forgotten a down permit); a refused start changes nothing, so ask until it is accepted
        await("a round starts")
                .atMost(PATIENCE)
                .until(() -> ControlClient.post(servers.get(0), "/api/ring/elections")
                                .statusCode()
                        == 202);

        await().atMost(PATIENCE).until(() -> winnerIndex() >= 0);
        int winner = winnerIndex();
        RunningService winningServer = servers.get(winner);
        await("agent hears d (seed " + SEED + ")")
                .atMost(PATIENCE)
                .until(() -> !agent.serverShare(winner).up());

        // every server that finished the round agrees on its winner
        String winnerId = "127.0.0.1:" + winningServer.udpPort("requestSocket");
        await().atMost(PATIENCE)
                .untilAsserted(() -> servers.forEach(server ->
                        assertThat(lastWinner(server)).as(server.name()).isEqualTo(winnerId)));

        // while it is down: a round cannot be started, and no request reaches it
        assertThat(ControlClient.post(servers.get((winner + 1) % 3), "/api/ring/elections")
                        .statusCode())
                .isEqualTo(409);
        long sentToWinner = agent.serverShare(winner).forwarded();
        long total = agent.agentStatus().forwarded();
        await().atMost(PATIENCE).until(() -> agent.agentStatus().forwarded() > total + 200);
        assertThat(winningServer.serverStatus().state().equals("down"))
                .as("still in planned downtime while the others served 200 requests")
                .isTrue();
        assertThat(agent.serverShare(winner).forwarded())
                .as("requests the agent sent to the server that is down")
                .isEqualTo(sentToWinner);
        assertThat(winningServer.drops(DropReason.SERVER_DOWN))
                .as("requests that reached the server while it answered nothing")
                .isZero();

        // back up: the agent takes it back and it serves again
        long receivedWhileDown = winningServer.serverStatus().requestsReceived();
        await("agent hears u")
                .atMost(PATIENCE)
                .until(() -> agent.serverShare(winner).up());
        await().atMost(PATIENCE).until(() -> winningServer.serverStatus().requestsReceived() > receivedWhileDown);
        assertThat(servers.stream().filter(s -> s.serverStatus().state().equals("down")))
                .isEmpty();
    }

    @Test
    void ringStatusShowsNeighboursAndControlEndpointsPauseAndResume() {
        RingStatus status = servers.get(1).ringStatus();
        assertThat(List.of(status.left(), status.right()))
                .containsExactlyInAnyOrder(
                        "127.0.0.1:" + servers.get(0).udpPort("requestSocket"),
                        "127.0.0.1:" + servers.get(2).udpPort("requestSocket"));
        assertThat(status.periodicEnabled()).isFalse();

        assertThat(ControlClient.post(servers.get(1), "/api/ring/periodic/pause")
                        .statusCode())
                .isEqualTo(200);
        assertThat(servers.get(1).ringStatus().periodicPaused()).isTrue();
        assertThat(ControlClient.post(servers.get(1), "/api/ring/periodic/resume")
                        .statusCode())
                .isEqualTo(200);
        assertThat(servers.get(1).ringStatus().periodicPaused()).isFalse();
    }

    private static int winnerIndex() {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).serverStatus().state().equals("down")) {
                return i;
            }
        }
        return -1;
    }

    private static String lastWinner(RunningService server) {
        List<RingStatus.Winner> winners = server.ringStatus().lastWinners();
        return winners.isEmpty() ? null : winners.get(winners.size() - 1).winner();
    }
}
