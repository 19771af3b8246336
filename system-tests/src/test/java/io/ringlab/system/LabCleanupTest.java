package io.ringlab.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lab leaves nothing behind: after {@code kill -9} of the whole run (wrapper scripts and launcher), its reaper
 * removes every namespace, link and process; and a run that died before it could do even that is removed by the next
 * start ({@code bin/ringlab-lab-clean --stale}). The run here is the small variant of the lab: IPv6, names from hosts
 * files, one client on one agent.
 */
class LabCleanupTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void killNineOfTheRunLeavesNoNamespaceLinkOrProcess() throws Exception {
        Assumptions.assumeTrue(LabRunProcess.isRoot(), "the multi-host lab needs root");
        String runId;
        List<Long> pids;
        try (LabRunProcess lab = new LabRunProcess(
                "lab-cleanup-test",
                new Random(SEED),
                "--agents",
                "1",
                "--clients",
                "1",
                "--threads",
                "10",
                "--ipv6",
                "on",
                "--names",
                "hosts",
                "--checker",
                "off")) {
            try {
                await("the lab serves over IPv6 (seed " + SEED + ")")
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> lab.printed().contains("press Ctrl-C") && responses(lab) > 100);
                assertThat(lab.statusUrl("server-1"))
                        .as("services listen on the lab's IPv6 addresses")
                        .contains("[fd");
                runId = lab.runId().orElseThrow();
                pids = lab.servicePids();
                assertThat(LabRunProcess.leftovers(runId)).isNotEmpty();

                lab.killNine();

                await("the reaper removes the run " + runId)
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> LabRunProcess.leftovers(runId).isEmpty()
                                && pids.stream()
                                        .noneMatch(pid -> ProcessHandle.of(pid)
                                                .map(ProcessHandle::isAlive)
                                                .orElse(false)));
            } catch (AssertionError | Exception e) {
                System.err.printf("LabCleanupTest failed (seed %d); the run printed:%n%s%n", SEED, lab.printed());
                throw e;
            }
        }
    }

    @Test
    void theNextStartRemovesWhatADeadRunLeft() throws Exception {
        Assumptions.assumeTrue(LabRunProcess.isRoot(), "the multi-host lab needs root");
        String runId = "rl"
                + Integer.toHexString(0x10000 + new Random(SEED).nextInt(0xefff))
                        .substring(1);
        Path state = Path.of("/run/ringlab-lab", runId);
        try {
            // a run that died without its reaper: its state says who owned it (a pid that is gone), its namespace stays
            Files.createDirectories(state);
            Files.writeString(state.resolve("owner"), "999999999 1\n");
            LabRunProcess.run("ip", "netns", "add", runId + "-server-1");
            LabRunProcess.run("ip", "link", "add", runId + "-br", "type", "bridge");
            assertThat(LabRunProcess.leftovers(runId)).hasSize(3);

            String said = LabRunProcess.run(
                    LabRunProcess.HOME.resolve("bin/ringlab-lab-clean").toString(), "--stale");

            assertThat(said).contains("dead lab run " + runId);
            assertThat(LabRunProcess.leftovers(runId)).isEmpty();
        } finally {
            LabRunProcess.run(
                    LabRunProcess.HOME.resolve("bin/ringlab-lab-clean").toString(), "--run", runId);
        }
    }

    private static long responses(LabRunProcess lab) {
        try {
            JsonNode status = lab.get(lab.statusUrl("client-1"));
            return status == null ? 0 : status.path("responses").asLong();
        } catch (Exception e) {
            return 0;
        }
    }
}
