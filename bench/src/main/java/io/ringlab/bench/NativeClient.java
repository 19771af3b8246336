package io.ringlab.bench;

import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.StatusJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The native closed-loop client ({@code bench/relay/udp-load.c}, built by bench/run): a thread per request in flight,
 * each blocking on a socket of its own, as the seed's clients do. It runs its warm-up and its window by itself and
 * prints, as one line of JSON, the figures the load-client service's status gives.
 */
final class NativeClient implements AutoCloseable {

    /** Past its window, the client waits for its threads, each at most one reply timeout (3 s). */
    private static final long EXIT_GRACE_MILLIS = 10_000;

    private final Service process;
    private final Path log;
    private final Duration window;

    private NativeClient(Service process, Path log, Duration window) {
        this.process = process;
        this.log = log;
        this.window = window;
    }

    static NativeClient start(Path home, Path log, String target, int threads, Duration warmup, Duration window)
            throws IOException {
        Path binary = home.resolve("bench/target/udp-load");
        if (!Files.isExecutable(binary)) {
            throw new IOException("no " + binary + ": bench/run builds it from bench/relay/udp-load.c");
        }
        String port = target.substring(target.lastIndexOf(':') + 1);
        List<String> command =
                List.of(binary.toString(), port, String.valueOf(threads), seconds(warmup), seconds(window));
        return new NativeClient(Service.start("native-client", command, Map.of(), log, 0), log, window);
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0);
    }

    ProcessHandle handle() {
        return process.handle();
    }

    /** What the client printed: the load client's figures, and the seconds its own clock measured. */
    record Result(ClientStatus status, double seconds) {}

    /** Waits for the client to finish its window and reads its figures. */
    Result result() throws IOException, InterruptedException {
        try {
            process.handle().onExit().get(window.toMillis() + EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the native client did not finish its window; its log: " + log, e);
        }
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            int seconds = line.indexOf("\"seconds\":");
            if (line.startsWith("{") && seconds >= 0) {
                return new Result(
                        StatusJson.parse(line, ClientStatus.class),
                        Double.parseDouble(line.substring(seconds + 10, line.indexOf(',', seconds))));
            }
        }
        throw new IOException("the native client printed no figures; its log: " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
