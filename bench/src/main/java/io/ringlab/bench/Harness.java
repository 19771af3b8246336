package io.ringlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side benchmark: the same load client and the same three ring servers, driven through the direct
 * path, the lb-agent and NGINX's {@code stream} proxy, closed loop and open loop, every cell repeated; then the
 * seed's whole system. Writes every sample as CSV and the medians with their ratios as Markdown.
 * Run by {@code bench/run}, which builds the jars and installs NGINX first.
 */
public final class Harness {

    private Harness() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("ringlab.home", "."))
                .toAbsolutePath()
                .normalize();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, home);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.fromCsv() != null) {
            // the tables again from a run's samples (an interrupted run, or a changed report)
            Path csv = options.fromCsv();
            String markdown = Results.readCsv(csv).markdown(Machine.describe(), options);
            Files.writeString(csv.resolveSibling("results.md"), markdown);
            System.out.println(markdown);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Harness::stopWhatWasStarted, "bench-stop"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = options.results().resolve("run-" + stamp);
        Files.createDirectories(runDir);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Http http = new Http("admin", password);
        Results results = new Results();
        List<String> plan = plan(options);
        System.out.printf(
                "RingLab benchmark: %d cells × %d runs, about %d minutes; logs in %s%n",
                plan.size(), options.repeats(), estimateMinutes(options, plan.size()), runDir);
        byte[] clusterKey = new byte[32];
        new SecureRandom().nextBytes(clusterKey);
        Map<String, String> environment = Map.of(
                "RINGLAB_SECURITY_PASSWORD",
                password,
                "RINGLAB_CLUSTER_KEY",
                Base64.getEncoder().encodeToString(clusterKey));
        Map<String, Long> readyMillis;
        try (Topology topology = new Topology(options, runDir, http, environment)) {
            topology.start(options.paths().contains("nginx"));
            readyMillis = topology.readyMillis();
            System.out.println("ready (ms from process start, started one after another): " + readyMillis);
            CellRunner runner = new CellRunner(options, topology, http);
            for (String path : options.paths()) {
                runner.prime(path);
            }
            // repeats outermost, so that a drift of the machine touches every path alike
            for (int repeat = 1; repeat <= options.repeats(); repeat++) {
                for (String cell : plan) {
                    String[] parts = cell.split("/");
                    Sample sample = runner.run(parts[0], parts[1], Integer.parseInt(parts[2]), repeat);
                    results.add(sample);
                    results.writeCsv(runDir.resolve("samples.csv"));
                    System.out.printf(
                            "run %d  %-7s %-6s %5d: %,9.0f req/s  p50 %7.3f ms  p99 %8.3f ms  success %7.3f%%"
                                    + "  balancer CPU %s%n",
                            repeat,
                            sample.path(),
                            sample.mode(),
                            sample.level(),
                            sample.throughput(),
                            sample.p50Ms(),
                            sample.p99Ms(),
                            sample.successPercent(),
                            Double.isNaN(sample.balancerCpuSeconds())
                                    ? "–"
                                    : "%.2f s (%.2f µs/req, %.2f in the kernel)"
                                            .formatted(
                                                    sample.balancerCpuSeconds(),
                                                    sample.cpuMicrosPerRequest(),
                                                    sample.kernelCpuMicrosPerRequest()));
                }
            }
        }
        String markdown = results.markdown(Machine.describe(), options) + Results.readiness(readyMillis);
        Files.writeString(runDir.resolve("results.md"), markdown);
        Files.writeString(options.results().resolve("latest.md"), markdown);
        Files.copy(
                runDir.resolve("samples.csv"),
                options.results().resolve("latest.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println();
        System.out.println(markdown);
        System.out.println("written: " + runDir.resolve("results.md") + ", " + runDir.resolve("samples.csv"));
    }

    /**
     * At exit: a run interrupted (Ctrl-C, a signal) would otherwise leave its services, NGINX, the relay and the
     * clients running; after a normal end nothing is left to stop.
     */
    private static void stopWhatWasStarted() {
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : started) {
            try {
                process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    /** Cells as path/mode/level, in the order they run within a repeat. */
    private static List<String> plan(BenchOptions options) {
        List<String> cells = new ArrayList<>();
        for (int level : options.concurrency()) {
            options.paths().forEach(path -> cells.add(path + "/closed/" + level));
        }
        for (int rate : options.openRates()) {
            options.paths().forEach(path -> cells.add(path + "/open/" + rate));
        }
        if (options.seedSystem()) {
            cells.add("system/closed/1000");
        }
        return cells;
    }

    private static long estimateMinutes(BenchOptions options, int cells) {
        long perCellSeconds = options.duration().toSeconds() + options.warmup().toSeconds() + 8;
        return Math.max(1, cells * options.repeats() * perCellSeconds / 60);
    }
}
