package io.ringlab.launcher.rehearsal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One pod of the rehearsal: a network namespace with its own address, and its one container as a process in it,
 * with the command, arguments and environment the manifests give it. Started again (same pod, same address) when
 * its liveness fails or it exits, as a container restarts.
 *
 * @param owner    the workload's kind and name ({@code StatefulSet/ring-server})
 * @param revision the pod template it was made from, as a hash
 * @param runtime  what changes while it lives
 */
public record Pod(
        String name,
        String owner,
        String revision,
        PodAddress initial,
        String netns,
        List<String> command,
        Map<String, String> environment,
        Path directory,
        Path log,
        long graceSeconds,
        ProbeState probes,
        Map<Probe.Kind, Probe> probeSpecs,
        Runtime runtime) {

    /** What changes while a pod lives. */
    public static final class Runtime {
        volatile Process process;
        volatile boolean ready;
        volatile boolean terminating;
        volatile int restarts;
        volatile long startedNanos;
    }

    public String ip() {
        return initial.ip();
    }

    public int port(String name) {
        return initial.ports().getOrDefault(name, -1);
    }

    public PodAddress address() {
        return new PodAddress(
                initial.name(),
                initial.namespace(),
                initial.ip(),
                initial.labels(),
                initial.hostname(),
                initial.subdomain(),
                initial.ports(),
                runtime.ready,
                runtime.terminating);
    }

    public boolean ready() {
        return runtime.ready;
    }

    public boolean terminating() {
        return runtime.terminating;
    }

    public int restarts() {
        return runtime.restarts;
    }

    /** Starts the container's process (again): in the pod's namespace, with only the container's environment. */
    void startProcess() throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().put("HOSTNAME", initial.hostname() == null ? name : initial.hostname());
        builder.environment().putAll(environment);
        runtime.startedNanos = System.nanoTime();
        runtime.process = builder.start();
    }

    /** SIGTERM, then SIGKILL after the grace period; true when it stopped within the grace. */
    boolean stopProcess() throws InterruptedException {
        Process process = runtime.process;
        if (process == null || !process.isAlive()) {
            return true;
        }
        process.destroy();
        if (process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return false;
    }

    public long pid() {
        Process process = runtime.process;
        return process == null ? -1 : process.pid();
    }
}
