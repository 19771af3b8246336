package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.RingStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole RingLab system on loopback — ring servers, agents and load clients, each a process of its
 * own — prints the seed's result tables every report interval, and stops everything on Ctrl-C or after the
 * chosen duration.
 */
public final class Launcher {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final long RING_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(
                    args,
                    System.getenv(),
                    Path.of(System.getProperty("ringlab.home", "."))
                            .toAbsolutePath()
                            .normalize());
        } catch (LaunchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("ringlab-local: " + e.getMessage());
            }
            System.err.print(LaunchOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(run(options));
    }

    static int run(LaunchOptions options) throws Exception {
        LabSession lab = null;
        if (options.hosts()) {
            var refusal = io.ringlab.launcher.lab.RootCheck.refusal(io.ringlab.launcher.lab.RootCheck.currentUid());
            if (refusal.isPresent()) {
                System.err.println("ringlab-lab: " + refusal.get());
                return 1;
            }
            try {
                lab = LabSession.create(options);
            } catch (LaunchOptions.UsageException e) {
                System.err.println("ringlab-lab: " + e.getMessage());
                return 2;
            } catch (java.io.IOException e) {
                System.err.println("ringlab-lab: the lab's network could not be made: " + e.getMessage());
                return 1;
            }
        }
        LabSession labSession = lab;
        LocalCluster cluster = lab == null ? new LocalCluster(options) : new LocalCluster(options, lab.placement());
        if (lab != null) {
            lab.attach(cluster);
        }
        Report report = options.reportDirectory() == null ? null : new Report(options.reportDirectory());
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stopEverything = () -> {
            if (labSession != null) {
                labSession.finish();
            }
            cluster.close();
            if (labSession != null) {
                labSession.close();
            }
        };
        Thread stopper = new Thread(
                () -> {
                    stopEverything.run();
                    stopped.countDown();
                },
                "ringlab-stop");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (stopped.getCount() > 0) {
                                System.out.println("\nstopping every service...");
                                finishReport(report, options, "interrupted");
                                stopEverything.run();
                            }
                        },
                        "ringlab-shutdown"));

        StatusReader reader = new StatusReader();
        if (lab != null) {
            lab.describe().forEach(System.out::println);
        }
        cluster.start();
        System.out.printf(
                "starting %d ring servers, %d agents, %d load clients and the dashboard (logs in %s)%n",
                options.servers(),
                options.agents(),
                options.clients(),
                options.runDirectory().resolve("logs"));
        if (!awaitReady(cluster, reader)) {
            stopper.start();
            stopped.await();
            return 1;
        }
        printEndpoints(cluster);
        if (options.prometheus()) {
            Monitoring.start(options, cluster).forEach(System.out::println);
        }

        RingWatcher ring = new RingWatcher(cluster.serverNamesById());
        AgentWatcher agents = new AgentWatcher(cluster.serverNamesById());
        FaultScenario fault = new FaultScenario(options);
        long startNanos = System.nanoTime();
        if (lab != null) {
            lab.start(startNanos, line -> System.out.println(elapsed(startNanos) + " " + line));
        }
        long reportNanos = options.reportInterval().toNanos();
        long endNanos = options.duration().isZero()
                ? Long.MAX_VALUE
                : startNanos + options.duration().toNanos();
        long nextReport = startNanos + reportNanos;
        long nextRingPoll = startNanos;
        while (true) {
            long now = System.nanoTime();
            long faultAt =
                    fault.nextEventNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : startNanos + fault.nextEventNanos();
            long wake = Math.min(Math.min(Math.min(nextReport, endNanos), nextRingPoll), faultAt);
            if (wake > now) {
                TimeUnit.NANOSECONDS.sleep(wake - now);
            }
            for (String line : fault.due(System.nanoTime() - startNanos, cluster)) {
                System.out.println(elapsed(startNanos) + " " + line);
                if (report != null) {
                    report.fault(elapsedMillis(startNanos), line);
                }
            }
            if (System.nanoTime() >= nextRingPoll) {
                long seenAt = elapsedMillis(startNanos);
                Map<String, RingStatus> rings = ringStatus(cluster, reader);
                Map<String, AgentStatus> agentStatuses = agentStatus(cluster, reader);
                ring.lines(rings).forEach(line -> System.out.println(elapsed(startNanos) + " " + line));
                agents.lines(agentStatuses).forEach(line -> System.out.println(elapsed(startNanos) + " " + line));
                if (report != null) {
                    report.observe(seenAt, rings, agentStatuses, cluster.serverNamesById());
                }
                nextRingPoll += RING_POLL_NANOS;
            }
            if (System.nanoTime() >= nextReport || System.nanoTime() >= endNanos) {
                Snapshot snapshot = snapshot(cluster, reader, startNanos);
                if (report != null) {
                    report.add(snapshot);
                }
                System.out.print(ResultsTable.render(snapshot));
                reportDeadServices(cluster);
                nextReport += reportNanos;
            }
            System.out.flush();
            if (System.nanoTime() >= endNanos) {
                break;
            }
        }
        finishReport(report, options, "completed");
        System.out.println("\nduration reached; stopping every service...");
        stopper.start();
        stopped.await();
        return 0;
    }

    private static void finishReport(Report report, LaunchOptions options, String how) {
        if (report == null) {
            return;
        }
        try {
            report.finish("RingLab run (%s): %d servers, %d agents, %d clients of %d threads"
                    .formatted(how, options.servers(), options.agents(), options.clients(), options.threads()));
            System.out.println("report written to " + report.directory());
        } catch (Exception e) {
            System.err.println("report could not be finished: " + e);
        }
    }

    private static boolean awaitReady(LocalCluster cluster, StatusReader reader) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        for (ServiceProcess process : cluster.processes()) {
            while (!reader.answers(process.readinessUrl())) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    System.err.printf(
                            "%s did not start; the end of %s:%n%s%n",
                            process.name(), process.log(), process.logTail(15));
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        return true;
    }

    private static void printEndpoints(LocalCluster cluster) {
        System.out.println("all services up; status endpoints:");
        cluster.processes().stream()
                .filter(p -> p.role() != Role.DASHBOARD)
                .forEach(p -> System.out.printf("  %-10s %s (pid %d)%n", p.name(), p.statusUrl(), p.pid()));
        System.out.println(cluster.credentials().describe());
        System.out.println(cluster.clusterKey().describe());
        cluster.ofRole(Role.DASHBOARD)
                .forEach(p -> System.out.printf(
                        "dashboard: %s (pid %d); sign in as %s with that password%n",
                        p.pageUrl(), p.pid(), cluster.credentials().username()));
        System.out.println("press Ctrl-C to stop everything");
    }

    private static void reportDeadServices(LocalCluster cluster) {
        for (ServiceProcess process : cluster.processes()) {
            if (!process.isAlive() && !process.killedOnPurpose()) {
                System.out.printf("%s has exited; see %s%n", process.name(), process.log());
            }
        }
    }

    private static Map<String, AgentStatus> agentStatus(LocalCluster cluster, StatusReader reader) {
        Map<String, AgentStatus> status = new LinkedHashMap<>();
        cluster.ofRole(Role.AGENT).forEach(p -> status.put(p.name(), reader.agent(p.statusUrl())));
        return status;
    }

    private static Map<String, RingStatus> ringStatus(LocalCluster cluster, StatusReader reader) {
        Map<String, RingStatus> status = new LinkedHashMap<>();
        cluster.ofRole(Role.SERVER).forEach(p -> status.put(p.name(), reader.ring(p.ringUrl())));
        return status;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static String elapsed(long startNanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        return String.format(
                java.util.Locale.ROOT, "[%02d:%02d:%02d]", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static Snapshot snapshot(LocalCluster cluster, StatusReader reader, long startNanos) {
        java.time.LocalTime takenAt = java.time.LocalTime.now();
        List<Snapshot.Client> clients = cluster.ofRole(Role.CLIENT).stream()
                .map(p -> new Snapshot.Client(p.name(), reader.client(p.statusUrl())))
                .toList();
        List<Snapshot.Agent> agents = cluster.ofRole(Role.AGENT).stream()
                .map(p -> new Snapshot.Agent(p.name(), reader.agent(p.statusUrl())))
                .toList();
        Map<String, String> idByName = new LinkedHashMap<>();
        cluster.serverNamesById().forEach((id, name) -> idByName.put(name, id));
        List<Snapshot.Server> servers = cluster.ofRole(Role.SERVER).stream()
                .map(p -> new Snapshot.Server(p.name(), idByName.get(p.name()), reader.server(p.statusUrl())))
                .toList();
        return new Snapshot(
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), takenAt, clients, agents, servers);
    }
}
