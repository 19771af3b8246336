package io.ringlab.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One of three servers takes 20 ms per request. Round robin sends it a third of the requests regardless;
 * least outstanding and power of two choices see its requests pile up and send it far fewer. Counts are
 * asserted, not times. The strategy is switched at runtime through REST between batches.
 */
class SlowServerBalancingTest {

    private static final int BATCH = 600;

    private static Cluster cluster;
    private static RunningService agent;
    private static int batch;

    @BeforeAll
    static void start() {
        cluster = new Cluster();
        RunningService slow = cluster.server("server-1", "--ringlab.server.faults.delay=20ms");
        RunningService fast2 = cluster.server("server-2");
        RunningService fast3 = cluster.server("server-3");
        agent = cluster.agent("agent-1", List.of(slow, fast2, fast3), "--ringlab.agent.retry.max-tries=1");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void leastOutstandingAndPowerOfTwoSendTheSlowServerFewerRequestsThanRoundRobin() {
        long roundRobin = slowServerShareOfABatch("round-robin");
        long leastOutstanding = slowServerShareOfABatch("least-outstanding");
        long powerOfTwo = slowServerShareOfABatch("p2c-outstanding");
        long powerOfTwoLatency = slowServerShareOfABatch("p2c-latency");

        System.out.printf(
                "requests of %d sent to the slow server: round-robin %d, least-outstanding %d, "
                        + "p2c-outstanding %d, p2c-latency %d%n",
                BATCH, roundRobin, leastOutstanding, powerOfTwo, powerOfTwoLatency);
        assertThat(roundRobin).as("round robin: a third").isEqualTo(BATCH / 3);
        assertThat(leastOutstanding).as("least outstanding").isLessThan(roundRobin / 2);
        assertThat(powerOfTwo).as("power of two on outstanding").isLessThan(roundRobin / 2);
        assertThat(powerOfTwoLatency).as("power of two on latency").isLessThan(roundRobin / 2);
    }

    private static long slowServerShareOfABatch(String strategy) {
        HttpResponse<String> switched =
                ControlClient.post(agent, "/api/agent/strategy", "{\"strategy\":\"" + strategy + "\"}");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);

        long before = agent.serverShare(0).forwarded();
        RunningService client = cluster.client(
                "client-" + (++batch),
                Cluster.address(agent),
                "--ringlab.client.threads=12",
                "--ringlab.client.max-requests=" + BATCH,
                "--ringlab.client.timeout=30s");
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            var status = client.clientStatus();
            return !status.running() && status.inFlight() == 0;
        });
        assertThat(client.clientStatus().responses()).isEqualTo(BATCH);
        client.close();
        return agent.serverShare(0).forwarded() - before;
    }

    @Test
    void unknownStrategyIsRefusedWithAMessageAndChangesNothing() {
        HttpResponse<String> refused =
                ControlClient.post(agent, "/api/agent/strategy", "{\"strategy\":\"fastest-first\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("unknown strategy 'fastest-first'");
    }
}
