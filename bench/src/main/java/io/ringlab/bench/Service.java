package io.ringlab.bench;

import io.ringlab.model.process.ManagedProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A process the harness started (a RingLab service or NGINX), its output in a log file. */
final class Service implements AutoCloseable {

    private final ManagedProcess process;
    private final int httpPort;
    private final long startedNanos = System.nanoTime();
    private long readyMillis = -1;

    private Service(ManagedProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static Service start(String name, List<String> command, Map<String, String> environment, Path log, int httpPort)
            throws IOException {
        return new Service(ManagedProcess.start(name, command, environment, log, false), httpPort);
    }

    String name() {
        return process.name();
    }

    ProcessHandle handle() {
        return process.handle();
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /**
     * Waits until {@code GET /api/status} answers (a RingLab service) or fails with the log's tail; notes the time
     * from its process start to then.
     */
    void awaitReady(Http http, long timeoutMillis) throws IOException, InterruptedException {
        process.awaitReady(() -> http.answers(url("/api/status")), timeoutMillis);
        readyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Milliseconds from its process start to its first answer (within a poll); -1 before it was seen ready. */
    long readyMillis() {
        return readyMillis;
    }

    void awaitAlive(long millis) throws IOException, InterruptedException {
        process.awaitStaysAlive(millis);
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(10_000);
    }
}
