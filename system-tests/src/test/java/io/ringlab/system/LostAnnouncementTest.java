package io.ringlab.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's weak spot: a lost {@code u} left a healthy server out of rotation forever. Here every server
 * loses its {@code u} on purpose; the agent's health checks must bring the winner back on their own.
 */
class LostAnnouncementTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void healthChecksBringBackAServerWhoseUpAnnouncementWasLost() {
        try (Cluster cluster = new Cluster()) {
            List<RunningService> servers = cluster.ring(
                    3,
                    new Random(SEED),
                    "--ringlab.server.ring.periodic=false",
                    "--ringlab.server.ring.downtime=3s",
                    "--ringlab.server.faults.drop-up-announcements=true");
            RunningService agent = cluster.agent("agent-1", servers);
            cluster.client(
                    "client-1", Cluster.address(agent), "--ringlab.client.threads=4", "--ringlab.client.timeout=30s");

            await("a round starts (seed " + SEED + ")")
                    .atMost(PATIENCE)
                    .until(() -> ControlClient.post(servers.get(0), "/api/ring/elections")
                                    .statusCode()
                            == 202);
            await().atMost(PATIENCE).until(() -> winner(servers) >= 0);
            int winner = winner(servers);
            await("agent hears d")
                    .atMost(PATIENCE)
                    .until(() -> !agent.serverShare(winner).up());

            await("the winner's downtime ends")
                    .atMost(PATIENCE)
                    .until(() -> !servers.get(winner).serverStatus().state().equals("down"));
            await("health checks put it back without a u")
                    .atMost(PATIENCE)
                    .until(() -> agent.serverShare(winner).up());
            long received = servers.get(winner).serverStatus().requestsReceived();
            await().atMost(PATIENCE)
                    .until(() -> servers.get(winner).serverStatus().requestsReceived() > received);
            assertThat(agent.serverShare(winner).state()).as("healthy").isNotEqualTo("unhealthy");
        }
    }

    private static int winner(List<RunningService> servers) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).serverStatus().state().equals("down")) {
                return i;
            }
        }
        return -1;
    }
}
