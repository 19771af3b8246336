package io.ringlab.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ring server stopped gracefully (what SIGTERM does) announces {@code d} and answers what it has before it
 * goes; the agents stop sending to it at once and no client request is lost. Started again on the same port,
 * it rejoins through the agents' health checks, with no operator action.
 */
class GracefulShutdownTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void stoppedServerAnnouncesDownLosesNoRequestAndRejoinsWhenStartedAgain() {
        try (Cluster cluster = new Cluster()) {
            List<RunningService> servers = new ArrayList<>(
                    List.of(cluster.server("server-1"), cluster.server("server-2"), cluster.server("server-3")));
            int port = servers.get(1).udpPort("requestSocket");
            RunningService agent = cluster.agent("agent-1", servers);
            RunningService client = cluster.client(
                    "client-1", Cluster.address(agent), "--ringlab.client.threads=8", "--ringlab.client.timeout=30s");
            await().atMost(PATIENCE).until(() -> agent.serverShare(1).replies() > 200);

            servers.get(1).close();
            await("the agent hears the d the server sent as it stopped")
                    .atMost(PATIENCE)
                    .until(() -> agent.serverShare(1).state().equals("down"));
            long sent = agent.serverShare(1).forwarded();
            long total = agent.agentStatus().forwarded();
            await().atMost(PATIENCE).until(() -> agent.agentStatus().forwarded() > total + 300);
            assertThat(agent.serverShare(1).forwarded()).isEqualTo(sent);

            cluster.server("server-2", "--ringlab.server.port=" + port);
            await("health checks take it back")
                    .atMost(PATIENCE)
                    .until(() -> agent.serverShare(1).up());
            await().atMost(PATIENCE).until(() -> agent.serverShare(1).forwarded() > sent);

            var status = client.clientStatus();
            assertThat(status.timeouts() + status.wrongReplies())
                    .as("requests lost through the shutdown")
                    .isZero();
        }
    }
}
