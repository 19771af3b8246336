package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.LabNetwork;
import io.ringlab.launcher.lab.Shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The rehearsal's network, made as the multi-host lab makes its own and removed the same way (by the run's id, with
 * {@code bin/ringlab-lab-clean}, and by the lab's reaper if this process dies): a bridge on the machine, a table that
 * routes nothing between the bridge and anything else, the cluster's DNS (dnsmasq) in a namespace of its own, and a
 * namespace for every pod, made when the pod is and removed with it. Pods take addresses from {@code .10} up, each a
 * new one (a pod that is made again comes back elsewhere, as in a cluster); Services' virtual IPs are the top of the
 * /24, from {@code .200}.
 */
public final class RehearsalNetwork implements AutoCloseable {

    private static final Path NETNS_ETC = Path.of("/etc/netns");
    private static final int FIRST_POD = 10;
    private static final int FIRST_SERVICE = 200;

    private final String runId;
    private final String subnet;
    private final Path home;
    private final Path state;
    private final Path logs;
    private final Deque<Integer> freePodHosts = new ArrayDeque<>();
    private int nextServiceHost = FIRST_SERVICE;
    private int links;
    private Process dns;
    private String srvRecords = "";

    private RehearsalNetwork(String runId, String subnet, Path home, Path logs) {
        this.runId = runId;
        this.subnet = subnet;
        this.home = home;
        this.logs = logs;
        this.state = LabNetwork.STATE_ROOT.resolve(runId);
        for (int host = FIRST_POD; host < FIRST_SERVICE; host++) {
            freePodHosts.add(host);
        }
    }

    /** A run id as the lab's cleaner knows them ({@code rl} and hex digits). */
    public static String newRunId(Random random) {
        return "rl"
                + Integer.toHexString(0x10000000 | random.nextInt(0x0fffffff)).substring(1);
    }

    public static RehearsalNetwork create(String runId, Path home, Path logs, Random random) throws IOException {
        int index = LabNetwork.freeSubnet(random);
        if (index < 0) {
            throw new IOException("no free /24 left in 198.18.0.0/15");
        }
        String subnet = "198.%d.%d".formatted(18 + index / 256, index % 256);
        RehearsalNetwork network = new RehearsalNetwork(runId, subnet, home, logs);
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
        Files.createDirectories(logs);
        long pid = ProcessHandle.current().pid();
        Files.writeString(state.resolve("owner"), pid + " " + startTime(pid) + "\n");
        new ProcessBuilder("setsid", home.resolve("bin/ringlab-lab-reaper").toString(), runId, Long.toString(pid))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        state.resolve("reaper.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String bridge = runId + "-br";
        Shell.run("ip", "link", "add", bridge, "type", "bridge");
        Shell.run("ip", "addr", "add", machineIp() + "/24", "dev", bridge);
        Shell.run("ip", "link", "set", bridge, "up");
        Shell.run(List.of("nft", "-f", "-"), """
                table inet ringlab_%1$s {
                  chain forward {
                    type filter hook forward priority 0; policy accept;
                    iifname "%2$s" oifname != "%2$s" drop
                    oifname "%2$s" iifname != "%2$s" drop
                  }
                }
                """.formatted(runId, bridge));
        addNamespace(dnsNamespace(), dnsIp());
        Files.writeString(state.resolve("cluster-hosts"), "");
        Files.writeString(state.resolve("cluster-srv.conf"), "");
        startDns();
    }

    /** The machine's address on the bridge: where the "node" (probes, the rehearsal's own reads) comes from. */
    public String machineIp() {
        return subnet + ".1";
    }

    public String dnsIp() {
        return subnet + ".2";
    }

    public String runId() {
        return runId;
    }

    private String dnsNamespace() {
        return runId + "-dns";
    }

    /** A namespace for a pod, with a new address; its resolv.conf and hosts written as the kubelet writes them. */
    public synchronized String addPod(String namespace, String resolvConf) throws IOException {
        if (freePodHosts.isEmpty()) {
            throw new IOException("no address left for a pod in " + subnet + ".0/24");
        }
        String ip = subnet + "." + freePodHosts.poll();
        addNamespace(namespace, ip);
        Path etc = NETNS_ETC.resolve(namespace);
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("resolv.conf"), resolvConf);
        return ip;
    }

    public void writeHosts(String namespace, String hosts) throws IOException {
        Files.writeString(NETNS_ETC.resolve(namespace).resolve("hosts"), hosts);
    }

    /** The namespace, every process still in it, and its files; its address goes to the end of the free ones. */
    public void removePod(String namespace, String ip) {
        try {
            String pids = Shell.run("ip", "netns", "pids", namespace).trim();
            if (!pids.isEmpty()) {
                List<String> kill = new java.util.ArrayList<>(List.of("kill", "-KILL"));
                kill.addAll(List.of(pids.split("\\s+")));
                Shell.run(kill, null);
            }
            Shell.run("ip", "netns", "del", namespace);
        } catch (IOException e) {
            System.err.println("rehearsal: removing " + namespace + ": " + e.getMessage());
        }
        deleteTree(NETNS_ETC.resolve(namespace));
        synchronized (this) {
            freePodHosts.addLast(Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1)));
        }
    }

    public synchronized String newServiceIp() {
        if (nextServiceHost > 254) {
            throw new IllegalStateException("no virtual IP left in " + subnet + ".0/24");
        }
        return subnet + "." + nextServiceHost++;
    }

    private void addNamespace(String namespace, String ip) throws IOException {
        String veth;
        synchronized (this) {
            veth = runId + "-v" + ++links;
        }
        Shell.run("ip", "netns", "add", namespace);
        Shell.run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        Shell.run("ip", "link", "set", veth, "master", runId + "-br", "up");
        Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
        Shell.run("ip", "-n", namespace, "addr", "add", ip + "/24", "dev", "eth0");
        Shell.run("ip", "-n", namespace, "link", "set", "eth0", "up");
    }

    /** Puts the cluster's names in force: a changed hosts file is read again on SIGHUP, SRV records need a restart. */
    public synchronized void updateDns(DnsZone zone) throws IOException {
        Files.writeString(state.resolve("cluster-hosts"), zone.hosts());
        if (!zone.srvRecords().equals(srvRecords)) {
            srvRecords = zone.srvRecords();
            Files.writeString(state.resolve("cluster-srv.conf"), srvRecords);
            stopDns();
            startDns();
        } else {
            Shell.run("kill", "-HUP", Long.toString(dns.pid()));
        }
    }

    private void startDns() throws IOException {
        Path log = logs.resolve("dnsmasq.log");
        dns = new ProcessBuilder(Shell.inNamespace(
                        dnsNamespace(),
                        List.of(
                                "dnsmasq",
                                "--keep-in-foreground",
                                "--conf-file=" + state.resolve("cluster-srv.conf"),
                                "--no-resolv",
                                "--no-hosts",
                                "--addn-hosts=" + state.resolve("cluster-hosts"),
                                "--listen-address=" + dnsIp(),
                                "--bind-interfaces",
                                "--local=/cluster.local/",
                                "--no-negcache",
                                "--log-facility=" + log)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitDns();
    }

    private void stopDns() {
        if (dns != null) {
            dns.destroy();
            try {
                dns.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Until dnsmasq answers (NXDOMAIN for a name it does not have is an answer). */
    private void awaitDns() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!dns.isAlive()) {
                throw new IOException(
                        "the rehearsal's DNS server (dnsmasq) stopped; see " + logs.resolve("dnsmasq.log"));
            }
            if (Shell.run("ss", "-Hlun", "-N", dnsNamespace(), "sport", "=", ":53")
                    .contains(":53")) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("the rehearsal's DNS server did not listen within 10 s");
    }

    /** Replaces a table in a namespace, as a whole. */
    public void applyTable(String namespace, String script) throws IOException {
        Shell.run(Shell.inNamespace(namespace, List.of("nft", "-f", "-")), script);
    }

    /** Forgets the UDP flows from a virtual IP to a gone endpoint, in a namespace (kube-proxy's conntrack cleanup). */
    public void forgetFlows(String namespace, String virtualIp, String endpointIp) {
        try {
            Shell.run(
                    Shell.inNamespace(
                            namespace,
                            List.of(
                                    "conntrack",
                                    "-D",
                                    "-p",
                                    "udp",
                                    "--orig-dst",
                                    virtualIp,
                                    "--reply-src",
                                    endpointIp)),
                    null);
        } catch (IOException e) {
            // exit 1 when there was no such flow
        }
    }

    public Path state() {
        return state;
    }

    @Override
    public void close() {
        stopDns();
        try {
            Shell.run(home.resolve("bin/ringlab-lab-clean").toString(), "--run", runId);
        } catch (IOException e) {
            System.err.println("rehearsal: cleaning up " + runId + " failed: " + e.getMessage());
        }
    }

    private static void deleteTree(Path path) {
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }

    private static String startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
        } catch (IOException | RuntimeException e) {
            return "0";
        }
    }
}
