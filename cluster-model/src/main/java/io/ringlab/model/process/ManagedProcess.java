package io.ringlab.model.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started with its output in a log file: a RingLab service, NGINX, Prometheus. It can be asked to stop
 * (SIGTERM, then SIGKILL after a grace time), killed at once, started again with the same command, and awaited
 * until it is ready, with the end of its log when it is not.
 */
public final class ManagedProcess {

    private static final long POLL_MILLIS = 100;

    /** Whether the process is ready, e.g. its status endpoint answers; may wait on the network. */
    @FunctionalInterface
    public interface Readiness {
        boolean isReady() throws InterruptedException;
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final boolean appendToLog;
    private final Process process;
    private volatile boolean killedOnPurpose;

    private ManagedProcess(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path log,
            boolean appendToLog,
            Process process) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.appendToLog = appendToLog;
        this.process = process;
    }

    /**
     * Starts {@code command} with {@code environment} added to this JVM's.
     *
     * @param appendToLog keep what the log holds (a restarted service's earlier life) rather than start it afresh
     */
    public static ManagedProcess start(
            String name, List<String> command, Map<String, String> environment, Path log, boolean appendToLog)
            throws IOException {
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        appendToLog
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return new ManagedProcess(
                name, List.copyOf(command), Map.copyOf(environment), log, appendToLog, builder.start());
    }

    /** The same command started again, its output after the old one's (after {@link #kill()} or a stop). */
    public ManagedProcess restart() throws IOException {
        return start(name, command, environment, log, true);
    }

    public String name() {
        return name;
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Whether this process was killed with {@link #kill()}, as opposed to having died by itself. */
    public boolean killedOnPurpose() {
        return killedOnPurpose;
    }

    /**
     * Waits until {@code ready} holds, polling; fails with the end of the log when the process exits first or
     * the time runs out.
     */
    public void awaitReady(Readiness ready, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!ready.isReady()) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before it was ready; the end of "
                        + log + ":\n" + logTail(20));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " was not ready after " + timeoutMillis + " ms; the end of " + log + ":\n"
                        + logTail(20));
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    /** Fails with the end of the log if the process exits within {@code millis} (a daemon that could not start). */
    public void awaitStaysAlive(long millis) throws IOException, InterruptedException {
        if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            throw new IOException(
                    name + " exited at once with " + process.exitValue() + "; the end of " + log + ":\n" + logTail(20));
        }
    }

    /** The last lines of the log, to show why the process did not start or died. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to anyone. */
    public void kill() throws InterruptedException {
        killedOnPurpose = true;
        process.destroyForcibly();
        process.waitFor();
    }

    /** Asks the process and its children to stop (SIGTERM: Spring Boot shuts down gracefully). */
    public void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the process to end; kills it and its children if it has not ended in time. */
    public void awaitStop(long graceMillis) throws InterruptedException {
        if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** {@link #requestStop()} then {@link #awaitStop(long)}. */
    public void stop(long graceMillis) throws InterruptedException {
        requestStop();
        awaitStop(graceMillis);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
