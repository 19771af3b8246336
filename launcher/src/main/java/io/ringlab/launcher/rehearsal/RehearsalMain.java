package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.RootCheck;
import io.ringlab.launcher.lab.check.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/ringlab-rehearsal [OVERLAY] [options]}: a rehearsal of the Kubernetes manifests as processes in
 * network namespaces. Not Kubernetes: no API server, kubelet, container runtime or images; see docs/DEPLOYMENT.md.
 */
public final class RehearsalMain {

    static final String USAGE = """
            usage: bin/ringlab-rehearsal [OVERLAY] [options]
              OVERLAY                 a folder of k8s/overlays (default: rehearsal), or a kustomization's path
              --resize N,N,...        the ring's sizes to go through, one after the other (default: 5,3); none: 0
              --keep                  after the checks, keep everything running until Ctrl-C
              --run-dir DIR           where the pods' logs go (default: target/rehearsal)
              --verdict-file FILE     also write the checks' results there, as JSON
              --java-options "..."    more options for every JVM (after the image's own)
              --seed N                the run's seed (addresses, run id, pod names)
              --limit SECONDS         how long a pod may take to be ready (default: 180); each check may take
                                      a third of it, at least 30 s
            """;

    private RehearsalMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("ringlab.home", "."))
                .toAbsolutePath()
                .normalize();
        String overlayArg = "rehearsal";
        List<Integer> sizes = List.of(5, 3);
        boolean keep = false;
        Path runDir = home.resolve("target/rehearsal");
        Path verdictFile = null;
        List<String> javaOptions = List.of();
        long seed = System.nanoTime();
        Duration limit = Duration.ofSeconds(180);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--resize" ->
                        sizes = args[++i].equals("0")
                                ? List.of()
                                : Arrays.stream(args[i].split(","))
                                        .map(String::trim)
                                        .map(Integer::parseInt)
                                        .toList();
                    case "--keep" -> keep = true;
                    case "--run-dir" -> runDir = home.resolve(args[++i]);
                    case "--verdict-file" -> verdictFile = home.resolve(args[++i]);
                    case "--java-options" ->
                        javaOptions = List.of(args[++i].trim().split("\\s+"));
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--limit" -> limit = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        overlayArg = args[i];
                    }
                }
            }
        } catch (RuntimeException e) {
            System.err.println("ringlab-rehearsal: "
                    + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
            System.err.print(USAGE);
            return 2;
        }
        if (sizes.stream().anyMatch(size -> size < 3)) {
            System.err.println("ringlab-rehearsal: --resize: a ring has at least 3 servers");
            return 2;
        }
        var refusal = RootCheck.refusal(RootCheck.currentUid());
        if (refusal.isPresent()) {
            System.err.println("ringlab-rehearsal: " + refusal.get().replace("the multi-host lab", "the rehearsal"));
            return 1;
        }
        Path overlay = Files.isDirectory(home.resolve("k8s/overlays").resolve(overlayArg))
                ? home.resolve("k8s/overlays").resolve(overlayArg)
                : home.resolve(overlayArg);
        if (!Files.exists(overlay.resolve("kustomization.yaml"))) {
            System.err.println("ringlab-rehearsal: no kustomization.yaml in " + overlay);
            return 2;
        }
        System.out.println(
                "A rehearsal of the manifests, not Kubernetes: every pod a process in a network namespace of its"
                        + " own (seed " + seed + ")");
        long started = System.nanoTime();
        List<RehearsalChecks.Check> checks = new ArrayList<>();
        Verdict resize = null;
        CountDownLatch stopped = new CountDownLatch(1);
        String[] runId = {""};
        try (Rehearsal rehearsal = Rehearsal.prepare(
                home, overlay, runDir, javaOptions, new Random(seed), limit, line -> System.out.println(line))) {
            runId[0] = rehearsal.runId();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                rehearsal.close();
            }));
            rehearsal.start();
            System.out.printf(Locale.ROOT, "every pod ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
            RehearsalChecks check = rehearsal.checks(Duration.ofSeconds(Math.max(30, limit.toSeconds() / 3)));
            checks.add(print(check.ringElects()));
            checks.add(print(check.serversInSrvRecords()));
            checks.add(print(check.agentsDiscoverEveryServer()));
            // the clients' timeout (3 s) and a second: what was sent before the agents had every server is over
            checks.add(print(check.clientsThroughAgentService(Duration.ofSeconds(4), Duration.ofSeconds(3))));
            checks.add(print(check.dashboardSeesEveryService(rehearsal.password())));
            checks.add(print(check.prometheusScrapesEveryPod()));
            if (!sizes.isEmpty()) {
                resize = rehearsal.resize(sizes);
                checks.addAll(ResizeReport.checks(resize));
                checks.subList(checks.size() - 2, checks.size()).forEach(RehearsalMain::print);
                ResizeReport.lines(resize).forEach(line -> System.out.println("  " + line));
            }
            boolean passed = checks.stream().allMatch(RehearsalChecks.Check::passed);
            System.out.printf(
                    Locale.ROOT,
                    "rehearsal %s: %s after %.1f s%n",
                    rehearsal.runId(),
                    passed ? "every check holds" : "CHECKS FAILED",
                    (System.nanoTime() - started) / 1e9);
            if (verdictFile != null) {
                writeVerdict(verdictFile, rehearsal.runId(), seed, checks, resize, (System.nanoTime() - started) / 1e9);
            }
            if (keep) {
                System.out.println("running until Ctrl-C; the dashboard: "
                        + Roles.pods(rehearsal.cluster(), Roles.DASHBOARD).stream()
                                .map(pod -> Roles.url(pod, "/"))
                                .findFirst()
                                .orElse("(none)"));
                stopped.await();
            }
            return passed ? 0 : 1;
        } catch (Exception e) {
            System.err.println("ringlab-rehearsal: " + e.getMessage());
            if (verdictFile != null) {
                checks.add(new RehearsalChecks.Check("the rehearsal runs", false, String.valueOf(e.getMessage())));
                writeVerdict(verdictFile, runId[0], seed, checks, resize, (System.nanoTime() - started) / 1e9);
            }
            return 1;
        }
    }

    private static RehearsalChecks.Check print(RehearsalChecks.Check check) {
        System.out.printf("%s %s: %s%n", check.passed() ? "ok  " : "FAIL", check.name(), check.detail());
        return check;
    }

    private static void writeVerdict(
            Path file, String runId, long seed, List<RehearsalChecks.Check> checks, Verdict resize, double seconds)
            throws java.io.IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("runId", runId).put("seed", seed).put("seconds", seconds);
        var list = root.putArray("checks");
        checks.forEach(c ->
                list.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail()));
        if (resize != null) {
            root.set("resize", json.valueToTree(resize));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
