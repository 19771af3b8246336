package io.ringlab.system;

import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.Reply;
import io.ringlab.protocol.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.ringlab.protocol.DropReason.EMPTY;
import static io.ringlab.protocol.DropReason.NOT_A_FRAME;
import static io.ringlab.protocol.DropReason.OVERSIZED;
import static io.ringlab.protocol.DropReason.TRUNCATED;
import static io.ringlab.protocol.DropReason.UNEXPECTED_TYPE;
import static io.ringlab.protocol.DropReason.UNKNOWN_REQUEST;
import static io.ringlab.protocol.DropReason.UNKNOWN_TYPE;
import static io.ringlab.protocol.DropReason.UNSUPPORTED_VERSION;
import static io.ringlab.protocol.DropReason.WRONG_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every port of every role gets datagrams that are not valid for it; each is dropped and counted by reason,
 * and the traffic that follows is served in full. Raw seed-style datagrams get their payload reversed.
 */
class BadInputTest {

    private static final int MAX_DATAGRAM = 512;
    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());

    private static Cluster cluster;
    private static RunningService server;
    private static RunningService agent;
    private static RunningService client;
    private static TestSocket outsider;

    @BeforeAll
    static void start() {
        cluster = new Cluster();
        String small = "--ringlab.%s.udp.max-datagram-size=" + MAX_DATAGRAM;
        server = cluster.server("server-1", small.formatted("server"));
        agent = cluster.agent("agent-1", List.of(server), small.formatted("agent"));
        client = cluster.client(
                "client-1",
                Cluster.address(agent),
                small.formatted("client"),
                "--ringlab.client.autostart=false",
                "--ringlab.client.threads=4",
                "--ringlab.client.max-requests=400",
                "--ringlab.client.timeout=30s");
        outsider = new TestSocket();
    }

    @AfterAll
    static void stop() {
        outsider.close();
        cluster.close();
    }

    @Test
    void rawSeedDatagramToTheAgentComesBackReversedFromTheAgentsPort() {
        InetSocketAddress agentPort = agent.udpAddress("clientSocket");
        outsider.send(agentPort, new byte[] {1, 2, 3});
        assertThat(outsider.receive()).containsExactly(3, 2, 1);
        assertThat(outsider.lastSender()).isEqualTo(agentPort);
    }

    @Test
    void rawSeedDatagramToAServerComesBackReversed() {
        outsider.send(server.udpAddress("requestSocket"), new byte[] {1, 2, 3, 4, 5});
        assertThat(outsider.receive()).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void malformedDatagramsAreCountedOnEveryPortAndTrafficGoesOn() {
        Random random = new Random(SEED);
        sendMalformedFramesTo(server.udpAddress("requestSocket"), random);
        sendMalformedFramesTo(agent.udpAddress("clientSocket"), random);
        outsider.send(server.udpAddress("requestSocket"), new Reply(1, new byte[] {1}));
        outsider.send(agent.udpAddress("clientSocket"), new Reply(1, new byte[] {1}));

        InetSocketAddress agentServerSide = agent.udpAddress("serverSocket");
        outsider.send(agentServerSide, new byte[] {1, 2, 3});
        outsider.send(agentServerSide, new Request(5, new byte[] {1}));
        outsider.send(agentServerSide, new Reply(random.nextLong(), new byte[] {3, 2, 1}));
        outsider.send(agentServerSide, MalformedInput.EMPTY);

        InetSocketAddress clientReplies = client.udpAddress("replySocket");
        outsider.send(clientReplies, new byte[] {9, 9, 9});
        outsider.send(clientReplies, new Reply(random.nextLong(), new byte[] {3, 2, 1}));
        outsider.send(clientReplies, MalformedInput.TRUNCATED_ID);
        outsider.send(clientReplies, MalformedInput.oversized(MAX_DATAGRAM));

        Map<DropReason, Long> perFrameSet = Map.of(
                EMPTY,
                1L,
                OVERSIZED,
                1L,
                TRUNCATED,
                2L,
                UNSUPPORTED_VERSION,
                2L,
                UNKNOWN_TYPE,
                1L,
                UNEXPECTED_TYPE,
                1L);
        awaitDrops(server, perFrameSet);
        awaitDrops(
                agent,
                Map.of(
                        EMPTY,
                        2L,
                        OVERSIZED,
                        1L,
                        TRUNCATED,
                        2L,
                        UNSUPPORTED_VERSION,
                        2L,
                        UNKNOWN_TYPE,
                        1L,
                        UNEXPECTED_TYPE,
                        2L,
                        NOT_A_FRAME,
                        1L,
                        UNKNOWN_REQUEST,
                        1L));
        // the client takes datagrams only from its agent: the outsider's are refused before they are read
        awaitDrops(client, Map.of(WRONG_SOURCE, 3L, OVERSIZED, 1L));

        assertThat(ControlClient.post(client, "/api/load/start").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(1)).until(() -> !client.clientStatus().running());
        var status = client.clientStatus();
        assertThat(status.responses()).as("seed %d", SEED).isEqualTo(400);
        assertThat(status.timeouts() + status.wrongReplies()).isZero();
        var agentStatus = agent.agentStatus();
        assertThat(agentStatus.requestsReceived() - agentStatus.rawRequests()).isEqualTo(400);
        assertThat(server.serverStatus().framedRequests()).isEqualTo(agentStatus.forwarded());
    }

    private static void sendMalformedFramesTo(InetSocketAddress port, Random random) {
        outsider.send(port, MalformedInput.EMPTY);
        outsider.send(port, MalformedInput.oversized(MAX_DATAGRAM));
        outsider.send(port, MalformedInput.TRUNCATED_HEADER);
        outsider.send(port, MalformedInput.TRUNCATED_ID);
        outsider.send(port, MalformedInput.BAD_VERSION);
        outsider.send(port, MalformedInput.corruptFrame(random));
        outsider.send(port, MalformedInput.UNKNOWN_TYPE);
    }

    private static void awaitDrops(RunningService service, Map<DropReason, Long> expected) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> expected.forEach((reason, count) -> assertThat(service.drops(reason))
                        .as("%s drops on %s (seed %d)", reason.tag(), service.name(), SEED)
                        .isEqualTo(count)));
    }
}
