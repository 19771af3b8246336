package io.ringlab.system;

import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.Reply;
import io.ringlab.protocol.Request;
import org.junit.jupiter.api.Test;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request sent to a server that stays silent is retried on another server; the client gets exactly one
 * reply, and the silent server's reply, when it finally comes, is dropped.
 */
class RetryTest {

    @Test
    void clientGetsExactlyOneReplyWhenTheFirstServerIsSilent() {
        try (Cluster cluster = new Cluster();
                TestSocket silentServer = new TestSocket();
                TestSocket client = new TestSocket()) {
            RunningService server = cluster.server("server-2");
            // round robin starts with the silent server; it answers no health ping either, so keep it in rotation
            RunningService agent = cluster.agentTo(
                    "agent-1",
                    "127.0.0.1:" + silentServer.address().getPort() + ",127.0.0.1:" + server.udpPort("requestSocket"),
                    "--ringlab.agent.retry.per-try-timeout=300ms",
                    "--ringlab.agent.health.misses-to-mark-down=1000000");
            SocketAddress agentPort = agent.udpAddress("clientSocket");

            client.send(agentPort, new Request(41, new byte[] {1, 2, 3}));
            Request atSilentServer = silentServer.receiveRequest();

            assertThat(client.receiveFrame())
                    .as("the retried request's reply")
                    .isEqualTo(new Reply(41, new byte[] {3, 2, 1}));
            assertThat(agent.agentStatus().retries()).isEqualTo(1);

            silentServer.send(
                    agent.udpAddress("serverSocket"), new Reply(atSilentServer.requestId(), new byte[] {3, 2, 1}));
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.drops(DropReason.UNKNOWN_REQUEST) == 1);

            // had the late reply been delivered, it would come before this one
            client.send(agentPort, new Request(42, new byte[] {7}));
            assertThat(client.receiveFrame()).isEqualTo(new Reply(42, new byte[] {7}));
            assertThat(List.of(agent.agentStatus().repliesDelivered())).containsExactly(2L);
        }
    }
}
