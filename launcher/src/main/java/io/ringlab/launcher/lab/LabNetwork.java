package io.ringlab.launcher.lab;

import io.ringlab.launcher.lab.fault.NftRuleset;
import io.ringlab.launcher.lab.layout.LabHost;
import io.ringlab.launcher.lab.layout.LabLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes the lab's network and takes it down: a bridge on the machine, a namespace for every host with a veth pair to
 * the bridge and its address, an empty fault table in each, the names (a DNS server in a namespace of its own, or a
 * hosts file in every namespace), and a table on the machine that forwards nothing from or to the lab.
 *
 * <p>Everything it makes is named with the run's id, and is listed nowhere but under {@code /run/ringlab-lab/<id>}:
 * {@code bin/ringlab-lab-clean} removes a run's namespaces, their processes, the bridge, the table and the files from
 * the id alone. A reaper process ({@code bin/ringlab-lab-reaper}) started beside the run calls it when the run's
 * process dies, however it dies.
 */
public final class LabNetwork implements AutoCloseable {

    public static final Path STATE_ROOT = Path.of("/run/ringlab-lab");
    private static final Path NETNS_ETC = Path.of("/etc/netns");

    /** How the lab's hosts find each other's addresses. */
    public enum Names {
        DNS,
        HOSTS
    }

    private final LabLayout layout;
    private final Names names;
    private final Path home;
    private final Path logs;
    private final Path state;
    private Process dnsServer;

    private LabNetwork(LabLayout layout, Names names, Path home, Path logs) {
        this.layout = layout;
        this.names = names;
        this.home = home;
        this.logs = logs;
        this.state = STATE_ROOT.resolve(layout.runId());
    }

    /** A /24 of 198.18.0.0/15 that no address or route of the machine uses yet; -1 when all are taken. */
    public static int freeSubnet(java.util.Random random) throws IOException {
        String used = Shell.run("ip", "-4", "route", "show", "table", "all") + Shell.run("ip", "-4", "addr", "show");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < LabLayout.SUBNETS; i++) {
            candidates.add(i);
        }
        java.util.Collections.shuffle(candidates, random);
        for (int index : candidates) {
            String prefix = "198.%d.%d.".formatted(18 + index / 256, index % 256);
            if (!used.contains(prefix)) {
                return index;
            }
        }
        return -1;
    }

    /** Makes the lab's network; on any failure takes down what it made and throws. */
    public static LabNetwork create(LabLayout layout, Names names, Path home, Path logs) throws IOException {
        LabNetwork network = new LabNetwork(layout, names, home, logs);
        try {
            network.build();
            return network;
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private void build() throws IOException {
        Files.createDirectories(state);
        long pid = ProcessHandle.current().pid();
        Files.writeString(state.resolve("owner"), pid + " " + startTime(pid) + "\n");
        startReaper(pid);
        Files.createDirectories(logs);

        String bridge = layout.bridge();
        Shell.run("ip", "link", "add", bridge, "type", "bridge");
        Shell.run("ip", "addr", "add", layout.machineIpv4() + "/24", "dev", bridge);
        if (layout.ipv6Prefix() != null) {
            Shell.run("ip", "-6", "addr", "add", layout.machineIpv6() + "/64", "dev", bridge, "nodad");
        }
        Shell.run("ip", "link", "set", bridge, "up");
        Shell.run(List.of("nft", "-f", "-"), guardTable());

        int index = 0;
        addHost(layout.dnsNamespace(), ++index, layout.dnsIpv4(), layout.dnsIpv6());
        for (LabHost host : layout.hosts()) {
            addHost(host.namespace(), ++index, host.ipv4(), host.ipv6());
            Path etc = NETNS_ETC.resolve(host.namespace());
            Files.createDirectories(etc);
            if (names == Names.DNS) {
                Files.writeString(
                        etc.resolve("resolv.conf"),
                        "# RingLab lab %s: the lab's DNS server%nnameserver %s%nsearch %s%noptions timeout:1 attempts:3%n"
                                .formatted(layout.runId(), layout.dnsIpv4(), LabLayout.ZONE));
            } else {
                Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n" + layout.hostsFile());
            }
            Shell.run(
                    Shell.inNamespace(host.namespace(), List.of("nft", "-f", "-")),
                    NftRuleset.render(layout, host, List.of()));
        }
        if (names == Names.DNS) {
            startDns();
        }
        awaitNames();
    }

    private void addHost(String namespace, int index, String ipv4, String ipv6) throws IOException {
        String veth = layout.runId() + "-v" + index;
        Shell.run("ip", "netns", "add", namespace);
        Shell.run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        Shell.run("ip", "link", "set", veth, "master", layout.bridge(), "up");
        Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
        Shell.run("ip", "-n", namespace, "addr", "add", ipv4 + "/24", "dev", "eth0");
        if (ipv6 != null) {
            Shell.run("ip", "-n", namespace, "-6", "addr", "add", ipv6 + "/64", "dev", "eth0", "nodad");
        }
        Shell.run("ip", "-n", namespace, "link", "set", "eth0", "up");
    }

    /** Nothing is routed between the lab and any other network of the machine (bridged traffic is not routed). */
    private String guardTable() {
        String bridge = layout.bridge();
        return """
                table inet %1$s {
                  chain forward {
                    type filter hook forward priority 0; policy accept;
                    iifname "%2$s" oifname != "%2$s" drop
                    oifname "%2$s" iifname != "%2$s" drop
                  }
                }
                """.formatted(layout.guardTable(), bridge);
    }

    private void startDns() throws IOException {
        Path hosts = state.resolve("hosts");
        Files.writeString(hosts, layout.hostsFile());
        String listen = layout.dnsIpv4() + (layout.dnsIpv6() == null ? "" : "," + layout.dnsIpv6());
        dnsServer = new ProcessBuilder(Shell.inNamespace(
                        layout.dnsNamespace(),
                        List.of(
                                "dnsmasq",
                                "--keep-in-foreground",
                                "--conf-file=/dev/null",
                                "--no-resolv",
                                "--no-hosts",
                                "--addn-hosts=" + hosts,
                                "--listen-address=" + listen,
                                "--bind-interfaces",
                                "--local=/" + LabLayout.ZONE + "/",
                                "--domain=" + LabLayout.ZONE,
                                "--pid-file=" + state.resolve("dnsmasq.pid"),
                                "--log-facility=" + logs.resolve("dnsmasq.log"),
                                "--log-queries")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve("dnsmasq.log").toFile()))
                .start();
    }

    /** Waits until the first host resolves the last host's name (the DNS server answers), for at most 10 s. */
    private void awaitNames() throws IOException {
        LabHost first = layout.hosts().get(0);
        String name =
                LabLayout.fqdn(layout.hosts().get(layout.hosts().size() - 1).name());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Shell.run(Shell.inNamespace(first.namespace(), List.of("getent", "hosts", name)), null);
                return;
            } catch (IOException e) {
                last = e;
                if (dnsServer != null && !dnsServer.isAlive()) {
                    throw new IOException(
                            "the lab's DNS server (dnsmasq) stopped; see " + logs.resolve("dnsmasq.log"), e);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", interrupted);
                }
            }
        }
        throw new IOException("the lab's hosts do not resolve " + name, last);
    }

    /** The reaper takes the lab down when this process dies, even by kill -9; it leaves at once if it has nothing to do. */
    private void startReaper(long pid) throws IOException {
        Path reaper = home.resolve("bin/ringlab-lab-reaper");
        new ProcessBuilder("setsid", reaper.toString(), layout.runId(), Long.toString(pid))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        state.resolve("reaper.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /** Records a process of the run that lives outside the lab's namespaces (the dashboard), for the cleaner. */
    public void recordOutsideProcess(long pid) throws IOException {
        Files.writeString(
                state.resolve("pids"),
                pid + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Puts a host's fault table in force, as a whole. */
    public void applyFaultTable(LabHost host, String script) throws IOException {
        Shell.run(Shell.inNamespace(host.namespace(), List.of("nft", "-f", "-")), script);
    }

    public LabLayout layout() {
        return layout;
    }

    /** The run's namespaces, bridge, tables, files and every process in its namespaces: all removed. */
    @Override
    public void close() {
        if (dnsServer != null) {
            dnsServer.destroy();
        }
        try {
            Shell.run(home.resolve("bin/ringlab-lab-clean").toString(), "--run", layout.runId());
        } catch (IOException e) {
            System.err.println("lab: cleaning up " + layout.runId() + " failed: " + e.getMessage());
        }
    }

    /** The names this run made, for a check that nothing is left. */
    public static Set<String> leftovers(String runId) throws IOException {
        Set<String> left = new java.util.TreeSet<>();
        for (String line : Shell.run("ip", "netns", "list").split("\n")) {
            if (line.startsWith(runId + "-")) {
                left.add("namespace " + line.split("\\s")[0]);
            }
        }
        for (String line : Shell.run("ip", "-o", "link", "show").split("\n")) {
            if (line.contains(" " + runId + "-")) {
                left.add("link " + line.split(":\\s+")[1].split("[@:]")[0]);
            }
        }
        return left;
    }

    static String startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[19];
        } catch (IOException | RuntimeException e) {
            return "0";
        }
    }
}
