package io.ringlab.system;

import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.Backends;
import io.ringlab.election.StartResult;
import io.ringlab.server.election.RingService;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.server.serving.ServerStatistics;
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
            List<RunningService> servers = cluster.ring(3, new Random(SEED), "--ringlab.server.ring.periodic=false",
                    "--ringlab.server.ring.downtime=3s", "--ringlab.server.faults.drop-up-announcements=true");
            RunningService agent = cluster.agent("agent-1", servers);
            cluster.client("client-1", Cluster.address(agent), "--ringlab.client.threads=4", "--ringlab.client.timeout=30s");

            await("a round starts (seed " + SEED + ")").atMost(PATIENCE)
                    .until(() -> servers.get(0).bean(RingService.class).startRoundNow() == StartResult.STARTED);
            await().atMost(PATIENCE).until(() -> winner(servers) >= 0);
            int winner = winner(servers);
            Backend backend = agent.bean(Backends.class).get(winner);
            await("agent hears d").atMost(PATIENCE).until(() -> !backend.isUp());

            await("the winner's downtime ends").atMost(PATIENCE)
                    .until(() -> !servers.get(winner).bean(ServerAvailability.class).isDown());
            await("health checks put it back without a u").atMost(PATIENCE).until(backend::isUp);
            long received = servers.get(winner).bean(ServerStatistics.class).requestsReceived();
            await().atMost(PATIENCE).until(() -> servers.get(winner).bean(ServerStatistics.class).requestsReceived() > received);
            assertThat(backend.healthy()).isTrue();
        }
    }

    private static int winner(List<RunningService> servers) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).bean(ServerAvailability.class).isDown()) {
                return i;
            }
        }
        return -1;
    }
}
