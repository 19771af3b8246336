package io.ringlab.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command, as a newcomer runs it: {@code bin/ringlab-local} starts three ring servers, two
 * agents, two load clients and the dashboard as processes, prints the seed's tables, the dashboard's URL and the
 * password drawn for the run, and leaves no process behind. While it runs, the dashboard takes that password,
 * sees every service, and a control through it is taken by every server (so the password reached them all).
 */
class LocalRunTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());

    @Test
    void runsTheSeedTopologyPrintsItsTablesAndStopsEveryProcess() throws Exception {
        String printed;
        List<Long> pids;
        try (LauncherProcess run = new LauncherProcess(
                "ringlab-local",
                "local-run-test",
                new Random(SEED),
                "--threads",
                "8",
                "--duration",
                "30s",
                "--report-interval",
                "5s")) {
            signInToTheDashboardAndSeeEveryService(run);
            assertThat(run.awaitExit(2)).as("launcher finished (seed %d)", SEED).isTrue();
            printed = run.printed();
            assertThat(run.exitValue()).as(printed).isZero();
            pids = run.startedPids();
            assertThat(run.runDir.resolve("pids")).doesNotExist();
            assertThat(Files.readString(run.runDir.resolve("logs/client-1.log")))
                    .contains("client client-1: sent");
        }
        assertThat(pids).as("one process per service and the dashboard").hasSize(8);
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("service process %d still running", pid)
                    .isFalse();
        }

        String lastTable = printed.substring(printed.lastIndexOf("=== RingLab"));
        assertThat(lastTable).containsPattern("client-1 \\(8 thr\\)\\s+[1-9]\\d*\\s+[1-9]\\d*\\s+\\d+\\.\\d\\d");
        assertThat(lastTable).containsPattern("client-2 \\(8 thr\\)\\s+[1-9]\\d*");
        assertThat(lastTable).containsPattern("agent-1\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(lastTable).containsPattern("agent-2\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(lastTable).containsPattern("share received\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
    }

    private static void signInToTheDashboardAndSeeEveryService(LauncherProcess run) throws Exception {
        Pattern dashboardLine = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/) \\(pid \\d+\\)");
        Pattern passwordLine = Pattern.compile("user admin, password ([A-Za-z0-9_-]{24}) \\(drawn for this run");
        // the launcher gives the services 3 minutes to start (a busy machine needs them), after a build if needed
        await().atMost(Duration.ofMinutes(6))
                .until(() -> dashboardLine.matcher(run.printed()).find());
        Matcher dashboard = dashboardLine.matcher(run.printed());
        Matcher password = passwordLine.matcher(run.printed());
        assertThat(dashboard.find()).isTrue();
        assertThat(password.find()).as(run.printed()).isTrue();
        assertThat(dashboard.group(1)).isEqualTo("http://127.0.0.1:" + run.httpPort + "/");

        DashboardSession session = new DashboardSession(dashboard.group(1));
        assertThat(session.signIn("admin", password.group(1))).isTrue();
        await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> {
            JsonNode cluster = session.json("/api/cluster");
            for (String role : List.of("servers", "agents", "clients")) {
                assertThat(cluster.path(role))
                        .as(role)
                        .hasSize(role.equals("servers") ? 3 : 2)
                        .allSatisfy(
                                service -> assertThat(service.path("reachable").asBoolean())
                                        .as(service.toString())
                                        .isTrue());
            }
        });
        assertThat(session.control("POST", "/api/control/ring/periodic/resume", null, true)
                        .statusCode())
                .as("every server took the dashboard's credential")
                .isEqualTo(200);
    }
}
