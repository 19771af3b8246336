package io.ringlab.system;

import io.ringlab.model.status.ClientStatus;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Payloads;
import io.ringlab.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The open-loop load over real UDP: through an agent, straight to a ring server, and to a bare UDP socket
 * that answers only when the test says so (any proxy would do), where max-in-flight is reached.
 */
class OpenLoopUdpTest {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final Cluster cluster = new Cluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void sendsEveryRequestAtTheRateThroughAnAgentAndStraightToAServer() {
        RunningService server = cluster.server("server-1");
        RunningService agent = cluster.agent("agent-1", List.of(server));
        RunningService throughAgent = cluster.client(
                "client-1",
                Cluster.address(agent),
                "--ringlab.client.rate=2000",
                "--ringlab.client.max-requests=1000",
                "--ringlab.client.timeout=30s");
        RunningService straight = cluster.client(
                "client-2",
                "127.0.0.1:" + server.udpPort("requestSocket"),
                "--ringlab.client.rate=500",
                "--ringlab.client.max-requests=300",
                "--ringlab.client.timeout=30s");

        for (var run : List.of(new Object[] {throughAgent, 1000L}, new Object[] {straight, 300L})) {
            RunningService client = (RunningService) run[0];
            ClientStatus status = finished(client);
            assertThat(status.mode()).isEqualTo("open-loop");
            assertThat(status.sent()).as(client.name()).isEqualTo((long) run[1]);
            assertThat(status.responses()).as(client.name()).isEqualTo((long) run[1]);
            assertThat(status.timeouts() + status.wrongReplies() + status.overMaxInFlight())
                    .isZero();
            assertThat(status.p999Ms()).isPositive().isGreaterThanOrEqualTo(status.p50Ms());
        }
        assertThat(ControlClient.get(throughAgent, "/api/status").path("rate").asDouble())
                .isEqualTo(2000);
        String metrics = ControlClient.send(
                        throughAgent, "GET", "/actuator/prometheus", null, ControlClient.Credentials.NONE)
                .body();
        assertThat(metrics)
                .contains(
                        "ringlab_client_requests_over_max_in_flight_total{application=\"load-client\",instance=\"client-1\"} 0");
    }

    @Test
    void requestsDueBeyondMaxInFlightAreCountedAndNotSent() {
        try (TestSocket proxy = new TestSocket()) {
            RunningService client = cluster.client(
                    "client-1",
                    "127.0.0.1:" + proxy.address().getPort(),
                    "--ringlab.client.rate=1000",
                    "--ringlab.client.max-requests=100",
                    "--ringlab.client.max-in-flight=10",
                    "--ringlab.client.timeout=60s");
            await().atMost(PATIENCE).until(() -> {
                ClientStatus status = client.clientStatus();
                return status.sent() + status.overMaxInFlight() == 100;
            });
            ClientStatus whileUnanswered = client.clientStatus();
            assertThat(whileUnanswered.sent()).isEqualTo(10);
            assertThat(whileUnanswered.overMaxInFlight()).isEqualTo(90);
            assertThat(whileUnanswered.inFlight()).isEqualTo(10);

            List<Request> requests = new ArrayList<>();
            SocketAddress clientAddress = null;
            for (int i = 0; i < 10; i++) {
                requests.add(proxy.receiveRequest());
                clientAddress = proxy.lastSender();
            }
            for (Request request : requests) {
                proxy.send(
                        clientAddress,
                        FrameCodec.encodeReply(request.requestId(), Payloads.reverse(request.payload())));
            }
            ClientStatus done = finished(client);
            assertThat(done.responses()).isEqualTo(10);
            assertThat(done.successRate())
                    .as("requests not sent do not count against it")
                    .isEqualTo(1.0);
        }
    }

    private static ClientStatus finished(RunningService client) {
        await().atMost(PATIENCE).until(() -> {
            ClientStatus status = client.clientStatus();
            return !status.running() && status.inFlight() == 0;
        });
        return client.clientStatus();
    }
}
