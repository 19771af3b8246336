package io.ringlab.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's options. Each {@code --name value}; durations as {@code 20s}, {@code 2m} or {@code 500ms}.
 *
 * @param duration      measured window of every cell
 * @param warmup        load before the window (JIT, socket buffers), not counted
 * @param repeats       runs of every cell; the table shows medians
 * @param concurrency   closed-loop levels: client threads, one request in flight each
 * @param openRates     open-loop levels: requests per second
 * @param paths         which paths to drive: direct, agent, nginx, and agent variants ({@link AgentVariants})
 * @param seedSystem    also run the seed's whole system (2 agents, 2 clients of 500 threads)
 * @param home          the repository (jars under its modules' target/)
 * @param results       where the results go
 * @param javaOptions   JVM options of every RingLab process
 * @param fromCsv       instead of running, write the tables again from this run's {@code samples.csv}
 * @param nativeClient  the closed loop driven by the native client of blocking threads ({@link NativeClient})
 *                      instead of the load-client service
 */
record BenchOptions(
        Duration duration,
        Duration warmup,
        int repeats,
        List<Integer> concurrency,
        List<Integer> openRates,
        List<String> paths,
        boolean seedSystem,
        Path home,
        Path results,
        List<String> javaOptions,
        Path fromCsv,
        boolean nativeClient) {

    static final String USAGE = """
            usage: bench/run [options]
              --duration D       measured window of every cell (default 20s)
              --warmup D         load before the window, not counted (default 5s)
              --repeats N        runs of every cell; the table shows medians (default 3)
              --concurrency L    closed-loop client threads, comma-separated (default 1,64,500)
              --open-rates L     open-loop requests per second, comma-separated (default 5000,20000)
              --paths L          any of direct,agent,nginx (default all three); relay, the batched C relay
                                 (bench/relay/udp-relay.c: the least a balancer can do); and an agent of its own
                                 with a transport variant, beside the default agent: agent-nio,
                                 agent-netty, agent-io-uring (ringlab.transport.kind), agent-1-loop, agent-2-loops
                                 (ringlab.transport.loops) and agent-unbatched (one loop with
                                 ringlab.transport.batching=false: a system call per datagram)
              --seed-system B    also run the seed's whole system, 1,000 threads over two agents (default on)
              --results DIR      where results go (default bench/results)
              --java-options S   JVM options of every RingLab process, after the service's own
                                 (<module>/jvm.options; default none)
              --client C         the closed loop's client: java, the load-client service's event-driven loop
                                 (default), or native, bench/relay/udp-load.c: a thread per request in
                                 flight, each blocking on its own socket (the seed's system always uses java)
              --from-csv FILE    no run: write results.md again from a run's samples.csv (give the run's
                                 --duration and --warmup for the header)
            """;

    static BenchOptions parse(String[] args, Path home) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'\n" + USAGE);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        BenchOptions options = new BenchOptions(
                duration(values.remove("duration"), "20s"),
                duration(values.remove("warmup"), "5s"),
                positive("repeats", Integer.parseInt(values.getOrDefault("repeats", "3"))),
                integers(values.getOrDefault("concurrency", "1,64,500")),
                integers(values.getOrDefault("open-rates", "5000,20000")),
                List.of(values.getOrDefault("paths", "direct,agent,nginx").split(",")),
                !"off".equals(values.getOrDefault("seed-system", "on")),
                home,
                home.resolve(values.getOrDefault("results", "bench/results")),
                List.of(values.getOrDefault("java-options", "").trim().split("\\s+")),
                values.containsKey("from-csv") ? Path.of(values.get("from-csv")).toAbsolutePath() : null,
                client(values.getOrDefault("client", "java")));
        values.keySet()
                .removeAll(List.of(
                        "repeats",
                        "concurrency",
                        "open-rates",
                        "paths",
                        "seed-system",
                        "results",
                        "java-options",
                        "from-csv",
                        "client"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option --" + values.keySet().iterator().next() + "\n" + USAGE);
        }
        for (String path : options.paths) {
            if (!List.of("direct", "agent", "nginx", "relay").contains(path) && !AgentVariants.contains(path)) {
                throw new IllegalArgumentException("--paths: unknown path '" + path + "'");
            }
        }
        return options;
    }

    private static boolean client(String name) {
        return switch (name) {
            case "java" -> false;
            case "native" -> true;
            default -> throw new IllegalArgumentException("--client: java or native, got '" + name + "'");
        };
    }

    private static Duration duration(String text, String fallback) {
        String value = text == null ? fallback : text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("not a duration: '" + value + "' (use 20s, 2m or 500ms)");
        };
    }

    private static List<Integer> integers(String text) {
        return text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::trim)
                        .map(Integer::parseInt)
                        .map(n -> positive("level", n))
                        .toList();
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
