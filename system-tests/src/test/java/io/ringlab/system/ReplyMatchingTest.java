package io.ringlab.system;

import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.Frame;
import io.ringlab.protocol.Reply;
import io.ringlab.protocol.Request;
import org.junit.jupiter.api.Test;

import java.net.SocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies are matched to requests exactly, in the agent and in the client: a reply to an expired or
 * unknown request is dropped, never delivered as the answer to another request. Test sockets play the
 * server (for the agent) and the agent (for the client), so the test decides when each reply is sent.
 */
class ReplyMatchingTest {

    @Test
    void agentDropsAReplyWhoseRequestExpiredAndDeliversTheNextOne() {
        try (Cluster cluster = new Cluster();
                TestSocket fakeServer = new TestSocket();
                TestSocket client = new TestSocket()) {
            // the fake server answers no health ping: keep it in rotation regardless
            RunningService agent = cluster.agentTo(
                    "agent-1",
                    "127.0.0.1:" + fakeServer.address().getPort(),
                    "--ringlab.agent.request-timeout=200ms",
                    "--ringlab.agent.retry.max-tries=1",
                    "--ringlab.agent.health.misses-to-mark-down=1000000");
            SocketAddress agentPort = agent.udpAddress("clientSocket");
            SocketAddress agentServerSide = agent.udpAddress("serverSocket");

            client.send(agentPort, new Request(7, new byte[] {1, 2, 3}));
            Request forwardedFirst = fakeServer.receiveRequest();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> agent.agentStatus().expired() == 1);

            fakeServer.send(agentServerSide, new Reply(forwardedFirst.requestId(), new byte[] {3, 2, 1}));
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.drops(DropReason.UNKNOWN_REQUEST) == 1);
            fakeServer.send(agentServerSide, new Reply(forwardedFirst.requestId() + 1_000_000, new byte[] {3, 2, 1}));
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.drops(DropReason.UNKNOWN_REQUEST) == 2);

            client.send(agentPort, new Request(8, new byte[] {4, 5}));
            Request forwardedSecond = fakeServer.receiveRequest();
            fakeServer.send(agentServerSide, new Reply(forwardedSecond.requestId(), new byte[] {5, 4}));

            // had the expired reply been delivered, it would be the first datagram here
            Frame first = client.receiveFrame();
            assertThat(first).isEqualTo(new Reply(8, new byte[] {5, 4}));
            assertThat(agent.agentStatus().repliesDelivered()).isEqualTo(1);
        }
    }

    @Test
    void clientCountsALateReplyAsLateNotAsTheAnswerToItsNextRequest() {
        try (Cluster cluster = new Cluster();
                TestSocket fakeAgent = new TestSocket()) {
            RunningService client = cluster.client(
                    "client-1",
                    "127.0.0.1:" + fakeAgent.address().getPort(),
                    "--ringlab.client.threads=1",
                    "--ringlab.client.max-requests=3",
                    "--ringlab.client.timeout=3s",
                    "--ringlab.client.payload=1,2,3");

            Request first = (Request) fakeAgent.receiveFrame();
            SocketAddress clientSocket = fakeAgent.lastSender();
            // the second request is sent only once the first has timed out; the test then has the whole
            // timeout (3 s) to answer the second before it too times out
            Request second = (Request) fakeAgent.receiveFrame();
            assertThat(second.requestId()).isNotEqualTo(first.requestId());
            assertThat(client.clientStatus().timeouts()).isEqualTo(1);

            fakeAgent.send(clientSocket, new Reply(first.requestId(), new byte[] {3, 2, 1}));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.clientStatus().lateReplies() == 1);
            assertThat(client.clientStatus().responses()).isZero();

            fakeAgent.send(clientSocket, new Reply(second.requestId(), new byte[] {3, 2, 1}));
            Request third = (Request) fakeAgent.receiveFrame();
            fakeAgent.send(clientSocket, new Reply(third.requestId(), new byte[] {1, 2, 3}));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !client.clientStatus().running());
            var done = client.clientStatus();
            assertThat(done.responses()).isEqualTo(1);
            assertThat(done.timeouts()).isEqualTo(1);
            assertThat(done.wrongReplies())
                    .as("a reply whose payload is not the reversed request")
                    .isEqualTo(1);
            assertThat(done.lateReplies()).isEqualTo(1);
            assertThat(done.successRate()).isEqualTo(1.0 / 3);
        }
    }
}
