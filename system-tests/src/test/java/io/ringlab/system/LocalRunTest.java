package io.ringlab.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, as a newcomer runs it: {@code bin/ringlab-local} starts three ring servers, two
 * agents and two load clients as processes, prints the seed's tables, and leaves no process behind.
 */
class LocalRunTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void runsTheSeedTopologyPrintsItsTablesAndStopsEveryProcess() throws Exception {
        Random random = new Random(SEED);
        int serverPort = FreePorts.udpBlock(random, 0, 1, 2);
        int agentPort = FreePorts.udpBlock(random, 0, 1);
        int httpPort = FreePorts.tcpBlock(random, 1, 2, 3, 101, 102, 201, 202);
        Path runDir = HOME.resolve("system-tests/target/local-run-test");
        Path output = runDir.resolve("launcher-output.txt");
        Files.createDirectories(runDir);

        Process launcher = new ProcessBuilder(HOME.resolve("bin/ringlab-local").toString(),
                "--threads", "8", "--duration", "12s", "--report-interval", "4s",
                "--server-port", Integer.toString(serverPort), "--agent-port", Integer.toString(agentPort),
                "--http-port", Integer.toString(httpPort), "--run-dir", HOME.relativize(runDir).toString(),
                "--java-options", "-Xmx256m -XX:TieredStopAtLevel=1")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertThat(launcher.waitFor(4, TimeUnit.MINUTES)).as("launcher finished (seed %d)", SEED).isTrue();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(launcher.exitValue()).as(printed).isZero();

        List<Long> pids = startedPids(printed);
        assertThat(pids).as("one process per service").hasSize(7);
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("service process %d still running", pid).isFalse();
        }
        assertThat(runDir.resolve("pids")).doesNotExist();

        String lastTable = printed.substring(printed.lastIndexOf("=== RingLab"));
        assertThat(lastTable).containsPattern("client-1 \\(8 thr\\)\\s+[1-9]\\d*\\s+[1-9]\\d*\\s+\\d+\\.\\d\\d");
        assertThat(lastTable).containsPattern("client-2 \\(8 thr\\)\\s+[1-9]\\d*");
        assertThat(lastTable).containsPattern("agent-1\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(lastTable).containsPattern("agent-2\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(lastTable).containsPattern("share received\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d\\s+0\\.3\\d\\d");
        assertThat(logOf(runDir, "client-1")).contains("client client-1: sent");
    }

    private static List<Long> startedPids(String printed) {
        Matcher matcher = Pattern.compile("\\(pid (\\d+)\\)").matcher(printed);
        return matcher.results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    private static String logOf(Path runDir, String service) throws IOException {
        return Files.readString(runDir.resolve("logs/" + service + ".log"));
    }
}
