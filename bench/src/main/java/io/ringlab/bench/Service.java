package io.ringlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the harness started (a RingLab service or NGINX), its output in a log file. */
final class Service implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int httpPort;

    private final long startedNanos = System.nanoTime();
    private long readyMillis = -1;

    private Service(String name, Process process, Path log, int httpPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    static Service start(String name, List<String> command, Map<String, String> environment, Path log, int httpPort)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return new Service(name, builder.start(), log, httpPort);
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** Waits until {@code GET /api/status} answers (a RingLab service) or fails with the log's tail. */
    void awaitReady(Http http, long timeoutMillis) throws IOException, InterruptedException {
        awaitAllReady(List.of(this), http, timeoutMillis);
    }

    /**
     * Waits until every service answers {@code GET /api/status}, asking each in turn every 100 ms, so that each one's
     * time to ready (from its process start) is known to within about that; fails with the log's tail of one that did
     * not.
     */
    static void awaitAllReady(List<Service> services, Http http, long timeoutMillis)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Service> waiting = new java.util.ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (java.util.Iterator<Service> it = waiting.iterator(); it.hasNext(); ) {
                Service service = it.next();
                if (http.getJson(service.url("/api/status")) != null) {
                    service.readyMillis = (System.nanoTime() - service.startedNanos) / 1_000_000;
                    it.remove();
                } else if (!service.process.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IOException(service.name + " did not start; the end of " + service.log + ":\n"
                            + service.tail());
                }
            }
            if (!waiting.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Milliseconds from its process start to its first answer; -1 before it was seen ready. */
    long readyMillis() {
        return readyMillis;
    }

    void awaitAlive(long millis) throws IOException, InterruptedException {
        if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            throw new IOException(name + " exited at once; the end of " + log + ":\n" + tail());
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
