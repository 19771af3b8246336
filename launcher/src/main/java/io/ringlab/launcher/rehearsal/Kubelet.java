package io.ringlab.launcher.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs pods' containers as a kubelet does: starts the process, polls its probes from the node (the machine, on the
 * lab's bridge) at their periods with their timeouts, restarts the container when the startup or liveness probe
 * gives up or the process exits (restart policy Always, with the kubelet's back-off of 10 s doubling up to 5 min),
 * and tells its listener whenever a pod's readiness changes. An HTTP probe passes on a status from 200 to 399.
 */
public final class Kubelet implements AutoCloseable {

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "kubelet");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Consumer<Pod> readinessChanged;
    private final Consumer<String> events;
    private final Map<Pod, List<ScheduledFuture<?>>> probes = new ConcurrentHashMap<>();
    private final Map<Pod, Integer> generations = new ConcurrentHashMap<>();

    public Kubelet(Consumer<Pod> readinessChanged, Consumer<String> events) {
        this.readinessChanged = readinessChanged;
        this.events = events;
    }

    /** Starts the pod's container and its probes. */
    public void run(Pod pod) throws IOException {
        start(pod);
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        for (Probe.Kind kind : Probe.Kind.values()) {
            Probe probe = pod.probeSpecs().get(kind);
            if (probe == null && kind != Probe.Kind.READINESS) {
                continue;
            }
            long delay = probe == null ? 0 : probe.initialDelay().toMillis();
            long period = probe == null ? 1000 : probe.period().toMillis();
            tasks.add(
                    timers.scheduleWithFixedDelay(() -> probe(pod, kind, probe), delay, period, TimeUnit.MILLISECONDS));
        }
        probes.put(pod, tasks);
    }

    private void start(Pod pod) throws IOException {
        int generation = generations.merge(pod, 1, Integer::sum);
        pod.startProcess();
        pod.runtime().process.onExit().thenRun(() -> {
            if (!pod.terminating() && generations.get(pod) == generation) {
                events.accept("%s: the container exited (%d); restarting"
                        .formatted(pod.name(), pod.runtime().process.exitValue()));
                timers.execute(() -> restart(pod, generation));
            }
        });
    }

    private void probe(Pod pod, Probe.Kind kind, Probe probe) {
        if (pod.terminating() || !pod.probes().runs(kind)) {
            return;
        }
        int generation = generations.get(pod);
        boolean ok = probe == null || passes(pod, probe);
        ProbeState.Change change;
        synchronized (pod) {
            if (generations.get(pod) != generation) {
                return;
            }
            change = pod.probes().record(kind, ok);
        }
        switch (change) {
            case READY, UNREADY -> {
                pod.runtime().ready = change == ProbeState.Change.READY;
                events.accept("%s: %s".formatted(pod.name(), pod.ready() ? "ready" : "not ready"));
                readinessChanged.accept(pod);
            }
            case RESTART -> {
                events.accept("%s: %s probe failed %d times; restarting the container"
                        .formatted(
                                pod.name(), kind.name().toLowerCase(java.util.Locale.ROOT), probe.failureThreshold()));
                restart(pod, generation);
            }
            default -> {}
        }
    }

    private boolean passes(Pod pod, Probe probe) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://%s:%d%s".formatted(pod.ip(), probe.port(), probe.path())))
                            .timeout(probe.timeout())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() >= 200 && response.statusCode() < 400;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the container and starts it again after the back-off; the pod keeps its name and address. */
    private void restart(Pod pod, int generation) {
        synchronized (pod) {
            if (pod.terminating() || generations.get(pod) != generation) {
                return;
            }
            generations.merge(pod, 1, Integer::sum); // the old process's exit is no news
            boolean wasReady = pod.ready();
            pod.runtime().ready = false;
            pod.probes().reset();
            if (wasReady) {
                readinessChanged.accept(pod);
            }
        }
        try {
            pod.stopProcess();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int restarts = ++pod.runtime().restarts;
        long backOff = restarts <= 1 ? 0 : Math.min(300, 10L << Math.min(restarts - 2, 5));
        timers.schedule(
                () -> {
                    try {
                        if (!pod.terminating()) {
                            start(pod);
                        }
                    } catch (IOException e) {
                        events.accept(pod.name() + ": the container could not start again: " + e.getMessage());
                    }
                },
                backOff,
                TimeUnit.SECONDS);
    }

    /** Stops probing the pod and stops its container (SIGTERM, SIGKILL after the grace period). */
    public void stop(Pod pod) throws InterruptedException {
        pod.runtime().terminating = true;
        List<ScheduledFuture<?>> tasks = probes.remove(pod);
        if (tasks != null) {
            tasks.forEach(task -> task.cancel(false));
        }
        if (!pod.stopProcess()) {
            events.accept(pod.name() + ": killed after its grace period of " + pod.graceSeconds() + " s");
        }
        generations.remove(pod);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
