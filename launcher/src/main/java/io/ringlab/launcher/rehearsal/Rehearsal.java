package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.check.Observation;
import io.ringlab.launcher.lab.check.RunChecker;
import io.ringlab.launcher.lab.check.Verdict;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One rehearsal of an overlay: the manifests rendered, the Secret made as a user makes it, the network and the
 * cluster's stand-ins, every workload's pods run (RingLab's first, monitoring once they are ready), the checks, and
 * the ring's size changed as a user changes it, watched by the lab's checker.
 */
public final class Rehearsal implements AutoCloseable {

    static final String RING = "ring-server";
    private static final long CLIENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Path overlay;
    private final Path runDir;
    private final Consumer<String> out;
    private final RehearsalNetwork network;
    private final Cluster cluster;
    private final Controllers controllers;
    private final RehearsalSecret secret;
    private final Manifests original;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Rehearsal(
            Path overlay,
            Path runDir,
            Consumer<String> out,
            RehearsalNetwork network,
            Cluster cluster,
            Controllers controllers,
            RehearsalSecret secret,
            Manifests original) {
        this.overlay = overlay;
        this.runDir = runDir;
        this.out = out;
        this.network = network;
        this.cluster = cluster;
        this.controllers = controllers;
        this.secret = secret;
        this.original = original;
    }

    /** Renders the overlay and makes the network; nothing runs yet. */
    public static Rehearsal prepare(
            Path home,
            Path overlay,
            Path runDir,
            List<String> javaOptions,
            Random random,
            Duration readyLimit,
            Consumer<String> out)
            throws IOException {
        Manifests rendered = Kustomize.render(overlay);
        String namespace = rendered.ofKind("StatefulSet", "Deployment")
                .map(Manifests::namespace)
                .findFirst()
                .orElse("default");
        RehearsalSecret secret = RehearsalSecret.draw(namespace);
        String runId = RehearsalNetwork.newRunId(random);
        Path logs = runDir.resolve(runId);
        RehearsalNetwork network = RehearsalNetwork.create(runId, home, logs, random);
        out.accept("rehearsal %s: %s, pods on %s, logs in %s"
                .formatted(runId, home.relativize(overlay), network.machineIp().replaceAll("\\.1$", ".0/24"), logs));
        Cluster cluster =
                new Cluster(network, new Entrypoints(home, javaOptions), logs, line -> out.accept("  " + line));
        cluster.apply(rendered.with(List.of(secret.object())));
        return new Rehearsal(
                overlay, runDir, out, network, cluster, new Controllers(cluster, random, readyLimit), secret, rendered);
    }

    /** Every workload that has a stand-in here, RingLab's at once, then monitoring; the others named and left out. */
    public void start() throws IOException, InterruptedException {
        List<JsonNode> ringlab = new ArrayList<>();
        List<JsonNode> monitoring = new ArrayList<>();
        for (JsonNode workload :
                cluster.manifests().ofKind("StatefulSet", "Deployment").toList()) {
            if (!cluster.runnable(workload)) {
                out.accept("  %s/%s: nothing stands for image %s here; not run"
                        .formatted(
                                Manifests.kind(workload),
                                Manifests.name(workload),
                                Cluster.container(workload).path("image").asString()));
            } else if (PodFields.labelsOf(workload.path("spec").path("template"))
                    .get(Roles.LABEL)
                    .equals(Roles.PROMETHEUS)) {
                monitoring.add(workload);
            } else {
                ringlab.add(workload);
            }
        }
        reconcile(ringlab);
        reconcile(monitoring);
    }

    public RehearsalChecks checks(Duration limit) {
        return new RehearsalChecks(cluster, network.dnsIp(), limit);
    }

    public String password() {
        return secret.password();
    }

    /**
     * Changes the ring's size to each of {@code sizes} in turn, as a user does: a kustomization over the overlay with
     * the StatefulSet's replicas, the ring's peers (and a fixed dashboard list, if any) changed, applied; the controllers roll.
     * The lab's checker watches throughout (polled every 250 ms), and until the clients' timeout after the last.
     */
    public Verdict resize(List<Integer> sizes) throws IOException, InterruptedException {
        long start = System.nanoTime();
        RunChecker checker = new RunChecker(start, CLIENT_TIMEOUT_NANOS);
        RehearsalPoller poller = new RehearsalPoller(cluster);
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(
                () -> {
                    while (watching.get()) {
                        Observation observation = poller.poll(System.nanoTime());
                        synchronized (checker) {
                            checker.observe(observation).forEach(line -> out.accept("  " + line));
                        }
                        try {
                            TimeUnit.MILLISECONDS.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rehearsal-checker");
        watcher.start();
        try {
            TimeUnit.SECONDS.sleep(2); // a stretch before the change, for comparison
            int from = Roles.pods(cluster, Roles.SERVER).size();
            for (int i = 0; i < sizes.size(); i++) {
                int size = sizes.get(i);
                synchronized (checker) {
                    checker.faultStarted(i + 1, "ring %d → %d".formatted(from, size), System.nanoTime());
                }
                out.accept("the ring %d → %d: replicas and peers changed, applied".formatted(from, size));
                Manifests next = Kustomize.renderResized(
                        runDir.resolve(network.runId()).resolve("resize-" + size), overlay, original, RING, size);
                cluster.apply(next.with(List.of(secret.object())));
                reconcile(next.ofKind("StatefulSet", "Deployment")
                        .filter(this::runnable)
                        .toList());
                synchronized (checker) {
                    checker.faultEnded(i + 1, System.nanoTime());
                }
                from = size;
            }
            TimeUnit.NANOSECONDS.sleep(CLIENT_TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(1));
        } finally {
            watching.set(false);
            watcher.interrupt();
            watcher.join();
        }
        synchronized (checker) {
            return checker.verdict(System.nanoTime());
        }
    }

    private boolean runnable(JsonNode workload) {
        try {
            return cluster.runnable(workload);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every controller at once, as a cluster's run side by side; waits for all. */
    private void reconcile(List<JsonNode> workloads) throws IOException, InterruptedException {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (JsonNode workload : workloads) {
            running.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            controllers.reconcile(workload);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    },
                    command -> new Thread(command, "controller-" + Manifests.name(workload)).start()));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof java.io.UncheckedIOException io
                    ? io.getCause()
                    : new IOException(cause.getMessage(), cause);
        }
    }

    public Cluster cluster() {
        return cluster;
    }

    public String runId() {
        return network.runId();
    }

    /** Every pod stopped, then everything the run made removed; once, whoever asks first (Ctrl-C or the end). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cluster.close();
            network.close();
        }
    }
}
