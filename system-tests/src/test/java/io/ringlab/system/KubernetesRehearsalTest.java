package io.ringlab.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rehearsal of the Kubernetes manifests ({@code bin/ringlab-rehearsal}, overlay {@code rehearsal}): every pod a
 * process in a network namespace of its own, with DNS, Services, probes and Prometheus as a cluster has them. Every
 * check of the run holds: the ring elects, the agent has every server, the client gets every reply through the agents'
 * Service, the dashboard sees every service, Prometheus scrapes every pod, and the ring's size goes 3 → 5 → 3 with at
 * most one server in planned downtime at a time and at least 99.9% of the client's requests answered. Then the run is
 * killed with {@code kill -9}, and its reaper removes everything it made.
 */
class KubernetesRehearsalTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theManifestsRunAsProcessesAndTheRingChangesSizeSafely() throws Exception {
        Assumptions.assumeTrue(LabRunProcess.isRoot(), "the rehearsal needs root");
        Assumptions.assumeTrue(
                LabRunProcess.run("kubectl", "version", "--client", "-o", "json")
                        .matches("(?s).*\"kustomizeVersion\":\\s*\"v[5-9].*"),
                "the rehearsal needs kubectl with kustomize v5");
        Path runDir = LabRunProcess.HOME.resolve("system-tests/target/rehearsal");
        Path output = runDir.resolve("output-" + SEED + ".txt");
        Path verdictFile = runDir.resolve("verdict-" + SEED + ".json");
        Files.createDirectories(runDir);
        Process run = new ProcessBuilder(
                        LabRunProcess.HOME.resolve("bin/ringlab-rehearsal").toString(),
                        "rehearsal",
                        "--keep",
                        "--seed",
                        Long.toString(SEED),
                        "--run-dir",
                        LabRunProcess.HOME.relativize(runDir).toString(),
                        "--verdict-file",
                        LabRunProcess.HOME.relativize(verdictFile).toString(),
                        "--java-options",
                        "-XX:TieredStopAtLevel=1 -Xss512k")
                .directory(LabRunProcess.HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        String runId = null;
        try {
            await("the rehearsal's checks (seed " + SEED + ")")
                    .atMost(Duration.ofMinutes(12))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(verdictFile) || !run.isAlive());
            assertThat(verdictFile)
                    .as("the run ended without a verdict:%n%s", Files.readString(output))
                    .exists();
            JsonNode verdict = JSON.readTree(Files.readString(verdictFile));
            runId = verdict.path("runId").asString();
            assertThat(runId)
                    .as("the run failed before its network was made:%n%s", Files.readString(output))
                    .isNotEmpty();
            List<String> failed = new ArrayList<>();
            verdict.path("checks").forEach(check -> {
                if (!check.path("passed").asBoolean()) {
                    failed.add(check.path("name").asString() + ": "
                            + check.path("detail").asString());
                }
            });
            Optional<ProcessHandle> jvm = run.descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("RehearsalMain"))
                    .findFirst();
            assertThat(jvm).as("the rehearsal's JVM").isPresent();
            List<Long> pods = jvm.get().children().map(ProcessHandle::pid).toList();
            assertThat(LabRunProcess.leftovers(runId)).isNotEmpty();
            jvm.get().destroyForcibly();
            run.destroyForcibly();

            String id = runId;
            await("the reaper removes the rehearsal " + runId)
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> LabRunProcess.leftovers(id).isEmpty()
                            && pods.stream()
                                    .noneMatch(pid -> ProcessHandle.of(pid)
                                            .map(ProcessHandle::isAlive)
                                            .orElse(false))
                            && !LabRunProcess.run("nft", "list", "tables").contains("ringlab_" + id));

            assertThat(verdict.path("checks")).as("checks").hasSize(8);
            assertThat(failed)
                    .as("failed checks (seed %d); the run printed:%n%s", SEED, Files.readString(output))
                    .isEmpty();
        } finally {
            run.descendants().forEach(ProcessHandle::destroy);
            run.destroy();
            if (!run.waitFor(1, TimeUnit.MINUTES)) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
            if (runId != null && !runId.isEmpty()) {
                LabRunProcess.run(
                        LabRunProcess.HOME.resolve("bin/ringlab-lab-clean").toString(), "--run", runId);
            }
        }
    }
}
