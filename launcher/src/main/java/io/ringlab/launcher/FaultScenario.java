package io.ringlab.launcher;

import java.io.IOException;
import java.util.List;

/** The run's fault scenario: kill -9 one ring server at a time after the start, and start it again later. */
final class FaultScenario {

    private final int server;
    private final long killAtNanos;
    private final long restartAtNanos;
    private boolean killed;
    private boolean restarted;

    FaultScenario(LaunchOptions options) {
        this.server = options.killServer();
        this.killAtNanos = options.killAt().toNanos();
        this.restartAtNanos = options.restartAfter().isZero()
                ? Long.MAX_VALUE
                : killAtNanos + options.restartAfter().toNanos();
    }

    /** When the next fault is due, since the start; {@code Long.MAX_VALUE} when none is. */
    long nextEventNanos() {
        if (server == 0 || restarted) {
            return Long.MAX_VALUE;
        }
        return killed ? restartAtNanos : killAtNanos;
    }

    /** Carries out what is due by {@code elapsedNanos}; returns a line for each. */
    List<String> due(long elapsedNanos, LocalCluster cluster) throws IOException, InterruptedException {
        if (server == 0) {
            return List.of();
        }
        if (!killed && elapsedNanos >= killAtNanos) {
            killed = true;
            long pid = cluster.killServer(server);
            return List.of("fault: killed server-%d with kill -9 (pid %d) at %s".formatted(server, pid, now()));
        }
        if (killed && !restarted && elapsedNanos >= restartAtNanos) {
            restarted = true;
            long pid = cluster.restartServer(server);
            return List.of("fault: started server-%d again (pid %d) at %s".formatted(server, pid, now()));
        }
        return List.of();
    }

    private static String now() {
        return java.time.LocalTime.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .toString();
    }
}
