package io.ringlab.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's run command ({@code bin/ringlab-local}, or another script that takes its options) started as
 * a process on free ports, with its own run directory under {@code system-tests/target}. Closing it sends
 * SIGTERM, as Ctrl-C does, and waits for every service to stop.
 */
final class LauncherProcess implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    final int serverPort;
    final int agentPort;
    final int httpPort;
    final Path runDir;
    final Path output;
    private final Process process;

    /** @param script {@code ringlab-local} or {@code ringlab-report}; @param options more options, later ones win */
    LauncherProcess(String script, String runDirName, Random random, String... options) throws IOException {
        serverPort = FreePorts.udpBlock(random, 0, 1, 2);
        agentPort = FreePorts.udpBlock(random, 0, 1);
        httpPort = FreePorts.tcpBlock(random, 0, 1, 2, 3, 101, 102, 201, 202);
        runDir = HOME.resolve("system-tests/target/" + runDirName);
        output = runDir.resolve("launcher-output.txt");
        Files.createDirectories(runDir);
        List<String> command = new ArrayList<>(List.of(
                HOME.resolve("bin/" + script).toString(),
                "--server-port",
                Integer.toString(serverPort),
                "--agent-port",
                Integer.toString(agentPort),
                "--http-port",
                Integer.toString(httpPort),
                "--run-dir",
                HOME.relativize(runDir).toString(),
                "--java-options",
                "-Xmx256m -XX:TieredStopAtLevel=1"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // the run draws its own credential and prints it, as for a newcomer
        builder.environment().remove("RINGLAB_SECURITY_PASSWORD");
        process = builder.start();
    }

    String printed() throws IOException {
        return Files.readString(output);
    }

    /** Waits for the run to end by itself; false if it has not within the limit. */
    boolean awaitExit(long minutes) throws InterruptedException {
        return process.waitFor(minutes, TimeUnit.MINUTES);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The pids of the services the run started, as it printed them. */
    List<Long> startedPids() throws IOException {
        Matcher matcher = Pattern.compile("\\(pid (\\d+)\\)").matcher(printed());
        return matcher.results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    /** Stops the run as Ctrl-C does (the script forwards it to the launcher, which stops every service). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
