package io.ringlab.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, as a newcomer runs it: {@code bin/ringlab-local} starts three ring servers, two
 * agents, two load clients and the dashboard as processes, prints the seed's tables and where to sign in to the
 * dashboard, and leaves no process behind.
 */
class LocalRunTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());

    @Test
    void runsTheSeedTopologyPrintsItsTablesAndStopsEveryProcess() throws Exception {
        String printed;
        List<Long> pids;
        try (LauncherProcess run = new LauncherProcess("ringlab-local", "local-run-test", new Random(SEED),
                "--threads", "8", "--duration", "12s", "--report-interval", "4s")) {
            assertThat(run.awaitExit(4)).as("launcher finished (seed %d)", SEED).isTrue();
            printed = run.printed();
            assertThat(run.exitValue()).as(printed).isZero();
            pids = run.startedPids();
            assertThat(run.runDir.resolve("pids")).doesNotExist();
            assertThat(Files.readString(run.runDir.resolve("logs/client-1.log"))).contains("client client-1: sent");
        }
        assertThat(pids).as("one process per service and the dashboard").hasSize(8);
        assertThat(printed).containsPattern("dashboard: http://127\\.0\\.0\\.1:\\d+/ \\(pid \\d+\\)")
                .containsPattern("sign in as admin with password [A-Za-z0-9_-]{24} \\(generated for this run");
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("service process %d still running", pid).isFalse();
        }

        String lastTable = printed.substring(printed.lastIndexOf("=== RingLab"));
        assertThat(lastTable).containsPattern("client-1 \\(8 thr\\)\\s+[1-9]\\d*\\s+[1-9]\\d*\\s+\\d+\\.\\d\\d");
        assertThat(lastTable).containsPattern("client-2 \\(8 thr\\)\\s+[1-9]\\d*");
        assertThat(lastTable).containsPattern("agent-1\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(lastTable).containsPattern("agent-2\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(lastTable).containsPattern("share received\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
    }
}
