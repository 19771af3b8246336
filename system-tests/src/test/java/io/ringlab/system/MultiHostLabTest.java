package io.ringlab.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's five machines as network namespaces on one box ({@code bin/ringlab-lab}), under load, with short election
 * timers, through one scenario of real network faults made by the kernel, one after the other: 10% loss on every
 * server-server link; one server partitioned from the other two for longer than a downtime; a server frozen
 * ({@code SIGSTOP}) for 10 s; an agent partitioned from one server only; 5% loss on every agent-server link, both
 * ways, with the agents' own settings (4 tries, outliers counted as sent: see docs/CHAOS.md and
 * docs/FAULT-TOLERANCE.md). The first fault is scheduled on the command line, the others given live through the
 * launcher's REST.
 * The run's own checker judges it, and its verdict is what is asserted. The run has its Prometheus
 * ({@code --prometheus on}), which must scrape every service and the launcher, and see the partition in the fault
 * gauge that Grafana annotates. One run for all the scenarios keeps the suite's time in bounds (about two and a half
 * minutes).
 */
class MultiHostLabTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final double THIRD = 1.0 / 3;
    private static final List<String> SERVERS = List.of("server-1", "server-2", "server-3");

    @Test
    void theSeedsFiveHostsHoldThroughLossPartitionsAndAFreeze() throws Exception {
        Assumptions.assumeTrue(LabRunProcess.isRoot(), "the multi-host lab needs root");
        String runId = null;
        Random random = new Random(SEED);
        int prometheusPort = FreePorts.tcpBlock(random, 0, 1);
        try (LabRunProcess lab = new LabRunProcess(
                "multi-host-lab-test",
                random,
                "--threads",
                "50",
                "--duration",
                "10m",
                "--election-interval",
                "8s",
                "--downtime",
                "2s",
                "--report-interval",
                "30s",
                "--prometheus",
                "on",
                "--prometheus-port",
                Integer.toString(prometheusPort),
                "--grafana-port",
                Integer.toString(prometheusPort + 1),
                "--fault",
                "at 15s for 12s loss 10% server<->server")) {
            try {
                await("the lab is up (seed " + SEED + ")")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> lab.printed().contains("lab REST:"));
                runId = lab.runId().orElseThrow();
                // the other faults are given live, each once the one before is over and while no election is near,
                // so that no planned downtime hides what the fault does
                awaitEnd(lab, 1);
                inject(lab, "for 14s partition server-1 | server-2,server-3", 2);
                inject(lab, "for 10s freeze server-3", 3);
                // a quiet moment is 2.5 s without a timer due, and timers fire every 8 s: a round could take a server
                // down during the 6 s cut, so periodic elections pause for it
                pauseElections(lab, true);
                try {
                    inject(lab, "for 6s partition agent-1 | server-2", 4);
                } finally {
                    pauseElections(lab, false);
                }
                inject(lab, "for 15s loss 5% agent<->server", 5);
                assertThat(lab.postToLauncher("/api/faults", "{\"fault\": \"partition agent-9\"}")
                                .statusCode())
                        .isEqualTo(400);
                await("the clients' outcomes after the last fault are in")
                        .atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> lab.get("http://127.0.0.1:" + lab.controlPort + "/api/verdict")
                                        .path("verdict")
                                        .path("faults")
                                        .path(4)
                                        .path("after")
                                        .path("responses")
                                        .asLong()
                                > 1000);
                checkPrometheus(lab, new PrometheusApi("http://127.0.0.1:" + prometheusPort));
                lab.stop();
                check(lab.verdict().path("verdict"));
            } catch (AssertionError | Exception e) {
                System.err.printf("MultiHostLabTest failed (seed %d); the run printed:%n%s%n", SEED, lab.printed());
                throw e;
            }
        }
        if (runId != null) {
            assertThat(LabRunProcess.leftovers(runId)).as("what the run left").isEmpty();
        }
    }

    /**
     * The lab's Prometheus (on the machine, started by {@code --prometheus on}) scrapes every service at its lab
     * address the dashboard and the launcher's REST; the fault gauge was 1 through the partition and is 0 after it, and the Grafana
     * annotation's query finds the partition by its spec while it lasted.
     */
    private static void checkPrometheus(LabRunProcess lab, PrometheusApi prometheus) throws Exception {
        List<String> expected = new java.util.ArrayList<>(List.of("http://127.0.0.1:" + lab.controlPort + "/metrics"));
        for (String service :
                List.of("server-1", "server-2", "server-3", "agent-1", "agent-2", "client-1", "client-2")) {
            expected.add(lab.statusUrl(service).replace("/api/status", "/actuator/prometheus"));
        }
        expected.add("http://127.0.0.1:" + lab.dashboardPort + "/actuator/prometheus");
        await("Prometheus scrapes the lab's 9 targets")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> prometheus.allTargetsUp(expected.size()));
        assertThat(prometheus.activeTargets())
                .extracting(target -> target.path("scrapeUrl").asString())
                .containsExactlyInAnyOrderElementsOf(expected);

        JsonNode events =
                lab.get("http://127.0.0.1:" + lab.controlPort + "/api/events").path("events");
        JsonNode partitionEnd = events.valueStream()
                .filter(e -> e.path("faultId").asInt() == 2
                        && e.path("kind").asString().equals("end"))
                .findFirst()
                .orElseThrow();
        String partition = "partition server-1 | server-2,server-3";
        // every scrape of the partition's 14 s: a scrape answered while the end's rules were being written is stamped
        // with its start, before the end's event, and reads 0; the last one that read 1 is the moment to look at
        java.time.Instant end =
                java.time.Instant.ofEpochMilli(partitionEnd.path("epochMillis").asLong());
        List<JsonNode> during = prometheus.result("ringlab_lab_fault_active{id=\"2\"}[14s]", end);
        assertThat(during).as("the gauge during the partition").singleElement().satisfies(series -> {
            assertThat(series.path("metric").path("spec").asString()).isEqualTo(partition);
            assertThat(series.path("metric").path("kind").asString()).isEqualTo("partition");
        });
        java.time.Instant lastInForce = during.get(0)
                .path("values")
                .valueStream()
                .filter(sample -> sample.get(1).asString().equals("1"))
                .map(sample ->
                        java.time.Instant.ofEpochMilli(Math.round(sample.get(0).asDouble() * 1000)))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the gauge was never 1 during the partition: " + during));
        String annotation = DashboardJsonTest.labFaultAnnotation().path("expr").asString();
        assertThat(prometheus.result(annotation, lastInForce))
                .as("Grafana's annotation query during the partition")
                .extracting(series -> series.path("metric").path("spec").asString())
                .containsExactly(partition);
        await("the gauges and counters after the last fault")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> prometheus.result("ringlab_lab_faults_ended_total", null).stream()
                        .anyMatch(
                                series -> series.path("value").get(1).asString().equals("5")));
        assertThat(prometheus.result("ringlab_lab_fault_active{id=\"2\"}", null))
                .singleElement()
                .satisfies(series ->
                        assertThat(series.path("value").get(1).asString()).isEqualTo("0"));
        assertThat(prometheus.result(annotation, null))
                .as("no fault annotated once all have ended")
                .isEmpty();
        assertThat(prometheus.result("ringlab_lab_faults_started_total", null))
                .singleElement()
                .satisfies(series ->
                        assertThat(series.path("value").get(1).asString()).isEqualTo("5"));
    }

    private static void inject(LabRunProcess lab, String fault, int id) throws Exception {
        await("a quiet moment of the ring")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> quiet(lab));
        HttpResponse<String> injected = lab.postToLauncher("/api/faults", "{\"fault\": \"" + fault + "\"}");
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(201);
        assertThat(injected.body()).contains("\"id\":" + id);
        awaitEnd(lab, id);
    }

    private static void awaitEnd(LabRunProcess lab, int id) {
        await("fault " + id + " has ended")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> lab.printed().contains("fault " + id + " ended"));
    }

    /** Pauses (or resumes) every server's periodic elections through its REST; with pausing, waits for no round to run. */
    private static void pauseElections(LabRunProcess lab, boolean pause) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + lab.password).getBytes(StandardCharsets.UTF_8));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String server : SERVERS) {
            String url =
                    lab.statusUrl(server).replace("/api/status", "/api/ring/periodic/" + (pause ? "pause" : "resume"));
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Basic " + basic)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as("%s %s: %s", pause ? "pause" : "resume", server, answer.body())
                    .isEqualTo(200);
        }
        if (pause) {
            await("no round running")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        for (String server : SERVERS) {
                            JsonNode ring = lab.get(lab.statusUrl(server).replace("/api/status", "/api/ring"));
                            if (ring == null
                                    || !List.of("none", "finished", "abandoned")
                                            .contains(ring.path("phase").asString())) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
    }

    /** Every server up and in every agent's rotation, and no server's election timer due within 2.5 s (or paused). */
    private static boolean quiet(LabRunProcess lab) throws Exception {
        for (String server : SERVERS) {
            JsonNode ring = lab.get(lab.statusUrl(server).replace("/api/status", "/api/ring"));
            long nextElectionInMs =
                    ring == null ? 0 : ring.path("nextElectionInMs").asLong(); // -1: paused
            if (ring == null
                    || !ring.path("state").asString().equalsIgnoreCase("up")
                    || (nextElectionInMs >= 0 && nextElectionInMs < 2500)
                    || !ring.path("suspected").isEmpty()) {
                return false;
            }
        }
        for (String agent : List.of("agent-1", "agent-2")) {
            JsonNode status = lab.get(lab.statusUrl(agent));
            if (status == null
                    || status.path("servers")
                            .valueStream()
                            .anyMatch(s -> !s.path("up").asBoolean())) {
                return false;
            }
        }
        return true;
    }

    private static void check(JsonNode verdict) {
        assertThat(verdict.path("oneServerDown").asBoolean())
                .as("never two servers down: %s", verdict.path("overlaps"))
                .isTrue();
        assertThat(verdict.path("oneWinnerPerRound").asBoolean())
                .as("one winner per round")
                .isTrue();
        assertThat(verdict.path("roundsCompleted").asInt())
                .as("elections keep completing")
                .isGreaterThanOrEqualTo(5);
        assertThat(percent(verdict.path("before")))
                .as("replies reach the clients before any fault")
                .isGreaterThanOrEqualTo(99.9);
        verdict.path("balanceBefore").properties().forEach(agent -> {
            long total = 0;
            for (JsonNode count : agent.getValue()) {
                total += count.asLong();
            }
            assertThat(total)
                    .as("%s sent requests while all servers were up", agent.getKey())
                    .isGreaterThan(1000);
            for (var server : agent.getValue().properties()) {
                assertThat((double) server.getValue().asLong() / total)
                        .as("%s's share to %s", agent.getKey(), server.getKey())
                        .isBetween(THIRD - 0.02, THIRD + 0.02);
            }
        });
        List<JsonNode> faults = verdict.path("faults").valueStream().toList();
        assertThat(faults).hasSize(5);

        JsonNode serverLoss = faults.get(0);
        assertThat(serverLoss.path("fault").asString()).isEqualTo("loss 10% server<->server");
        assertThat(serverLoss.path("roundsCompleted").asInt())
                .as("rounds complete through 10%% server-server loss")
                .isPositive();

        JsonNode partition = faults.get(1);
        assertThat(partition.path("fault").asString()).isEqualTo("partition server-1 | server-2,server-3");
        assertThat(partition.path("serversDown").valueStream().map(JsonNode::asString))
                .as("the isolated server never goes down on its own")
                .doesNotContain("server-1");
        assertThat(partition.path("roundsCompleted").asInt())
                .as("the majority keeps electing")
                .isPositive();
        assertThat(percent(partition.path("during"))).as("agents keep serving").isGreaterThanOrEqualTo(99.9);
        assertThat(partition.path("recoveredAfterSeconds").isNumber())
                .as("the ring is whole again after healing")
                .isTrue();

        JsonNode freeze = faults.get(2);
        assertThat(freeze.path("fault").asString()).isEqualTo("freeze server-3");
        assertThat(freeze.path("detection").asString()).as("agents take it out").contains("took server-3 out");
        // the "within a second", with room for the checker's 250 ms polls on a busy 2-core machine
        assertThat(freeze.path("detectedAfterSeconds").asDouble()).isLessThan(2.0);
        assertThat(percent(freeze.path("during"))).isGreaterThanOrEqualTo(99.9);
        assertThat(freeze.path("recoveredAfterSeconds").isNumber())
                .as("it rejoins after SIGCONT")
                .isTrue();

        JsonNode agentCut = faults.get(3);
        assertThat(agentCut.path("fault").asString()).isEqualTo("partition agent-1 | server-2");
        assertThat(agentCut.path("detection").asString()).startsWith("agent-1 took server-2 out");
        assertThat(agentCut.path("serversDown").isEmpty())
                .as("no downtime during the cut")
                .isTrue();
        assertThat(agentCut.path("detectedAfterSeconds").asDouble()).isLessThan(2.0);
        assertThat(agentCut.path("forwardedDuring")
                        .path("agent-1")
                        .path("server-2")
                        .asLong())
                .as("agent-1 stops using server-2")
                .isZero();
        assertThat(agentCut.path("forwardedDuring")
                        .path("agent-2")
                        .path("server-2")
                        .asLong())
                .as("agent-2 keeps using server-2")
                .isPositive();
        assertThat(agentCut.path("recoveredAfterSeconds").isNumber()).isTrue();

        JsonNode agentLoss = faults.get(4);
        assertThat(agentLoss.path("fault").asString()).isEqualTo("loss 5% agent<->server");
        assertThat(percent(agentLoss.path("during")))
                .as("retries carry the clients through 5%% loss")
                .isGreaterThanOrEqualTo(99.9);
        assertThat(agentLoss.path("roundsCompleted").asInt())
                .as("rounds keep completing (and none wedged after the freeze)")
                .isPositive();
    }

    private static double percent(JsonNode success) {
        long responses = success.path("responses").asLong();
        long finished = responses
                + success.path("timeouts").asLong()
                + success.path("wrong").asLong();
        assertThat(finished).as("requests finished in %s", success).isPositive();
        return 100.0 * responses / finished;
    }
}
