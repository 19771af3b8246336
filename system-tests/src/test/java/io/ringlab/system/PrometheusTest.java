package io.ringlab.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's, installed by bin/install-deps) scrapes the local run with the project's own
 * scrape configuration, and every query of every Grafana panel, and every annotation (an operator's action given
 * through the dashboard for its own), returns data from the running system. promtool accepts both scrape configurations.
 */
class PrometheusTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Path MONITORING = LauncherProcess.HOME.resolve("monitoring");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What Grafana substitutes for $__rate_interval with a 5 s scrape interval: four scrapes. */
    private static final String RATE_INTERVAL = "20s";

    private static final int LOCAL_RUN_HTTP_BASE = 8000;

    @Test
    void promtoolAcceptsBothScrapeConfigurations() throws Exception {
        for (String config : List.of("prometheus-local.yml", "prometheus-k8s.yml")) {
            Process promtool = new ProcessBuilder(
                            "promtool",
                            "check",
                            "config",
                            MONITORING.resolve("prometheus/" + config).toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor()).as(output).isZero();
        }
    }

    @Test
    void everyDashboardQueryReturnsDataFromTheRunningSystem() throws Exception {
        Random random = new Random(SEED);
        int prometheusPort = FreePorts.tcpBlock(random, 0);
        LauncherProcess system = new LauncherProcess(
                "ringlab-local",
                "prometheus-test",
                random,
                "--threads",
                "20",
                "--duration",
                "30m",
                "--election-interval",
                "4s",
                "--downtime",
                "2s");
        Path runDir = system.runDir;
        Path config = runDir.resolve("prometheus.yml");
        Files.writeString(
                config,
                io.ringlab.launcher.Monitoring.shiftPorts(
                        Files.readString(MONITORING.resolve("prometheus/prometheus-local.yml")),
                        system.httpPort - LOCAL_RUN_HTTP_BASE));
        Process prometheus = null;
        try {
            prometheus = new ProcessBuilder(
                            "prometheus",
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + runDir.resolve("tsdb"),
                            "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("prometheus.log").toFile())
                    .start();
            PrometheusApi api = new PrometheusApi("http://127.0.0.1:" + prometheusPort);

            await("every target is scraped (seed " + SEED + ")")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> api.allTargetsUp(8));
            operatorActsThroughTheDashboard(system);

            List<String> queries = dashboardQueries();
            assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
            for (String query : queries) {
                await("data for " + query)
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> api.resultCount(query) > 0);
            }
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor(30, TimeUnit.SECONDS);
            }
            system.close();
        }
    }

    /** An operator's action, for the "Operator actions" annotation: resuming periodic rounds (they already run). */
    private static void operatorActsThroughTheDashboard(LauncherProcess system) throws Exception {
        Matcher credential = Pattern.compile("HTTP Basic, user (\\S+), password (\\S+) \\(drawn")
                .matcher(system.printed());
        assertThat(credential.find()).as("the run printed its credential").isTrue();
        DashboardSession operator = new DashboardSession("http://127.0.0.1:" + system.httpPort);
        assertThat(operator.signIn(credential.group(1), credential.group(2))).isTrue();
        assertThat(operator.control("POST", "/api/control/ring/periodic/resume", null, true)
                        .statusCode())
                .isBetween(200, 299);
    }

    private static List<String> dashboardQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        for (Path file : DashboardJsonTest.dashboards()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(target.path("expr").asString().replace("$__rate_interval", RATE_INTERVAL));
                }
            }
            for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                // the lab's faults exist only in a lab run: MultiHostLabTest queries them
                if (annotation.has("expr")
                        && !annotation.path("expr").asString().contains(DashboardJsonTest.LAB_FAULT_SERIES)) {
                    queries.add(annotation.path("expr").asString());
                }
            }
        }
        return queries;
    }
}
