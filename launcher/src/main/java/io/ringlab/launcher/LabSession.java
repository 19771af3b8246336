package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;
import io.ringlab.launcher.lab.LabControl;
import io.ringlab.launcher.lab.LabControlServer;
import io.ringlab.launcher.lab.LabNetwork;
import io.ringlab.launcher.lab.check.Observation;
import io.ringlab.launcher.lab.check.RunChecker;
import io.ringlab.launcher.lab.check.Verdict;
import io.ringlab.launcher.lab.fault.FaultSchedule;
import io.ringlab.launcher.lab.fault.FaultSchedule.Fault;
import io.ringlab.launcher.lab.fault.FaultSpec;
import io.ringlab.launcher.lab.fault.FaultSpecException;
import io.ringlab.launcher.lab.fault.FaultSpecParser;
import io.ringlab.launcher.lab.layout.LabHost;
import io.ringlab.launcher.lab.layout.LabLayout;
import io.ringlab.model.lab.LabEvent;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A lab run: its network, its faults (scheduled and live), the checker watching it, and the launcher's REST. Every
 * {@value #TICK_MILLIS} ms one thread starts and ends the faults that are due and feeds the checker what every
 * service reports.
 */
final class LabSession implements LabControl, AutoCloseable {

    private static final long TICK_MILLIS = 250;
    private static final int MAX_EVENTS = 1000;
    private static final long CLIENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final LaunchOptions options;
    private final LabNetwork network;
    private final FaultSpecParser parser;
    private final List<FaultSpec> scheduled;
    private final FaultSchedule schedule = new FaultSchedule();
    private final ArrayDeque<LabEvent> events = new ArrayDeque<>();
    private final Map<Integer, String> givenBy = new HashMap<>();
    private LocalCluster cluster;
    private LabFaults faults;
    private LabPoller poller;
    private RunChecker checker;
    private LabControlServer rest;
    private Thread ticker;
    private volatile boolean stopping;
    private long startNanos;
    private Consumer<String> out;

    private LabSession(LaunchOptions options, LabNetwork network, FaultSpecParser parser, List<FaultSpec> scheduled) {
        this.options = options;
        this.network = network;
        this.parser = parser;
        this.scheduled = scheduled;
    }

    /** Checks the faults, then makes the lab's network. */
    static LabSession create(LaunchOptions options) throws IOException {
        SecureRandom random = new SecureRandom();
        String runId = "rl" + HexFormat.of().formatHex(random.generateSeed(2));
        String ipv6Prefix = null;
        if (options.ipv6()) {
            byte[] global = new byte[5];
            random.nextBytes(global);
            String hex = HexFormat.of().formatHex(global);
            // RFC 4193: fd00::/8 and 40 random bits, subnet 1
            ipv6Prefix = "fd%s:%s:%s:1::".formatted(hex.substring(0, 2), hex.substring(2, 6), hex.substring(6, 10));
        }
        int subnet = LabNetwork.freeSubnet(random);
        if (subnet < 0) {
            throw new IOException("every /24 of 198.18.0.0/15 is in use on this machine");
        }
        LabLayout layout =
                LabLayout.of(runId, options.servers(), options.agents(), options.clients(), subnet, ipv6Prefix);
        FaultSpecParser parser = new FaultSpecParser(
                layout.hosts().stream().map(LabHost::name).collect(Collectors.toSet()), Set.copyOf(layout.processes()));
        List<FaultSpec> specs = new ArrayList<>();
        for (String text : options.faults()) {
            try {
                specs.add(parser.parse(text));
            } catch (FaultSpecException e) {
                throw new LaunchOptions.UsageException("--fault '" + text + "': " + e.getMessage());
            }
        }
        LabNetwork network = LabNetwork.create(
                layout,
                options.names().equals("hosts") ? LabNetwork.Names.HOSTS : LabNetwork.Names.DNS,
                options.home(),
                options.runDirectory().resolve("logs"));
        return new LabSession(options, network, parser, specs);
    }

    Placement placement() {
        return new LabPlacement(network.layout(), options.ipv6());
    }

    /** Lines that describe the lab, for the console. */
    List<String> describe() {
        LabLayout layout = network.layout();
        List<String> lines = new ArrayList<>();
        lines.add("lab %s: bridge %s, %s.0/24%s, names %s (zone %s); the machine is %s"
                .formatted(
                        layout.runId(),
                        layout.bridge(),
                        layout.subnet(),
                        layout.ipv6Prefix() == null ? "" : " and " + layout.ipv6Prefix() + "/64",
                        options.names().equals("hosts")
                                ? "from a hosts file in every namespace"
                                : "served by dnsmasq at " + layout.dnsIpv4(),
                        LabLayout.ZONE,
                        layout.machineIpv4()));
        for (LabHost host : layout.hosts()) {
            lines.add("  %-10s %-15s %s  (namespace %s)"
                    .formatted(host.name(), host.ipv4(), String.join(" + ", host.processes()), host.namespace()));
        }
        return lines;
    }

    /** Before the cluster starts: the dashboard runs outside the namespaces, so the cleaner must know its pid. */
    void attach(LocalCluster cluster) {
        this.cluster = cluster;
        cluster.onStart(process -> {
            if (process.role() == Role.DASHBOARD || process.role() == Role.MONITORING) {
                try {
                    network.recordOutsideProcess(process.pid());
                } catch (IOException e) {
                    System.err.println("lab: could not record pid " + process.pid() + ": " + e.getMessage());
                }
            }
        });
    }

    /** Once every service is up: the scheduled faults count from {@code startNanos}; REST and checker start. */
    void start(long startNanos, Consumer<String> out) throws IOException {
        this.startNanos = startNanos;
        this.out = out;
        this.faults = new LabFaults(network, cluster);
        this.poller = new LabPoller(cluster);
        this.checker = options.checker() ? new RunChecker(startNanos, CLIENT_TIMEOUT_NANOS) : null;
        scheduled.forEach(spec -> schedule.add(spec, startNanos));
        ControlCredentials credentials = cluster.credentials();
        rest = new LabControlServer(options.controlPort(), this, credentials.username(), credentials.password());
        out.accept(
                "lab REST: %s/api/faults (POST {\"fault\": \"for 20s loss 5%% agent<->server\"} with the control credentials), %s/api/verdict"
                        .formatted(rest.url(), rest.url()));
        scheduled.forEach(spec -> out.accept("fault scheduled: " + spec));
        ticker = new Thread(this::tick, "lab-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        long next = System.nanoTime();
        while (!stopping) {
            try {
                applyDue(System.nanoTime(), id -> null);
                if (checker != null) {
                    Observation observation = poller.poll(System.nanoTime());
                    List<String> lines;
                    synchronized (this) {
                        lines = checker.observe(observation);
                    }
                    lines.forEach(out);
                }
                next += TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                long wait = Math.min(next, schedule.nextEventNanos()) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else {
                    next = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                out.accept("lab: " + e);
            }
        }
    }

    /** Starts and ends the faults due by {@code now}; {@code byOf} says who made a fault's change (null: the schedule). */
    private synchronized void applyDue(long now, IntFunction<String> byOf) throws InterruptedException {
        for (FaultSchedule.Transition transition : schedule.due(now)) {
            Fault fault = transition.fault();
            String line;
            try {
                line = transition.starts()
                        ? faults.start(fault, schedule.active())
                        : faults.end(fault, schedule.active());
            } catch (IOException | RuntimeException e) {
                line = "fault %d: could not %s it: %s"
                        .formatted(fault.id(), transition.starts() ? "start" : "end", e.getMessage());
            }
            // in force (or gone) once every host's table is written, which on a busy machine takes a while
            long done = System.nanoTime();
            if (checker != null) {
                if (transition.starts()) {
                    checker.faultStarted(fault.id(), fault.spec().action().toString(), done);
                } else {
                    checker.faultEnded(fault.id(), done);
                }
            }
            record(fault.id(), transition.starts() ? "start" : "end", line, byOf.apply(fault.id()), done);
            out.accept(line);
        }
    }

    private void record(int id, String kind, String text, String by, long now) {
        events.addLast(new LabEvent(System.currentTimeMillis(), (now - startNanos) / 1e9, id, kind, text, by));
        if (events.size() > MAX_EVENTS) {
            events.removeFirst();
        }
    }

    @Override
    public FaultView inject(String text, String by) {
        FaultSpec spec = parser.parse(text);
        Fault fault;
        synchronized (this) {
            fault = schedule.add(spec, System.nanoTime());
            givenBy.put(fault.id(), by);
            out.accept("fault %d given live by %s: %s".formatted(fault.id(), by, spec));
            applyDueNow(id -> id == fault.id() ? by : null);
            return view(fault);
        }
    }

    @Override
    public synchronized boolean heal(int id, String by) {
        if (!schedule.heal(id, System.nanoTime())) {
            return false;
        }
        out.accept("fault %d healed by %s".formatted(id, by));
        applyDueNow(faultId -> faultId == id ? by : null);
        return true;
    }

    @Override
    public synchronized void healAll(String by) {
        schedule.healAll(System.nanoTime());
        if (by != null) {
            out.accept("every fault healed by " + by);
        }
        applyDueNow(id -> by);
    }

    private void applyDueNow(IntFunction<String> byOf) {
        try {
            applyDue(System.nanoTime(), byOf);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized List<FaultView> faults() {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        return schedule.all().stream()
                .map(fault -> view(fault, nowNanos, nowMillis))
                .toList();
    }

    private FaultView view(Fault fault) {
        return view(fault, System.nanoTime(), System.currentTimeMillis());
    }

    private FaultView view(Fault fault, long nowNanos, long nowMillis) {
        return FaultView.of(fault, givenBy.get(fault.id()), startNanos, nowNanos, nowMillis);
    }

    @Override
    public synchronized Verdict verdict() {
        return checker == null ? null : checker.verdict(System.nanoTime());
    }

    @Override
    public synchronized List<LabEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Before the services stop: ends every fault (a frozen process must be thawed to stop), prints the verdict and
     * writes it where asked.
     */
    void finish() {
        stopping = true;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (faults != null) {
            healAll(null);
        }
        Verdict verdict = verdict();
        if (verdict != null) {
            verdict.lines().forEach(System.out::println);
            if (options.verdictFile() != null) {
                try {
                    Files.createDirectories(
                            options.verdictFile().toAbsolutePath().getParent());
                    Files.write(
                            options.verdictFile(),
                            JsonMapper.builder()
                                    .build()
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsBytes(java.util.Map.of(
                                            "holds", verdict.holds(), "verdict", verdict, "events", events())));
                } catch (IOException | RuntimeException e) {
                    System.err.println("lab: could not write the verdict to " + options.verdictFile() + ": " + e);
                }
            }
        }
        if (rest != null) {
            rest.close();
        }
    }

    /** After the services stopped: the network goes, and with it anything left in it. */
    @Override
    public void close() {
        network.close();
    }
}
