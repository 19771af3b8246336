package io.ringlab.launcher.lab.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where everything of a lab run is: its hosts, their addresses, names and processes, laid out as the seed's machines
 * (host {@code client-i} runs load client i and agent i, host {@code server-i} ring server i), on a /24 of the
 * benchmarking range 198.18.0.0/15 (RFC 2544: no real host has such an address) and optionally a /64 of a unique local
 * IPv6 prefix. The machine itself is {@code .1} on the lab's bridge, the lab's DNS server {@code .2}.
 *
 * @param runId      the run's prefix of every name it makes ({@code rl3fa2})
 * @param subnet     the first three octets of the lab's /24 ({@code 198.18.37})
 * @param ipv6Prefix the lab's /64 without the host part ({@code fd12:3456:789a:1::}), or {@code null}
 */
public record LabLayout(String runId, String subnet, String ipv6Prefix, List<LabHost> hosts) {

    public static final String ZONE = "lab.test";
    /** /24s in 198.18.0.0/15. */
    public static final int SUBNETS = 512;

    public LabLayout {
        hosts = List.copyOf(hosts);
    }

    /**
     * The seed's layout for these counts.
     *
     * @param subnetIndex which /24 of 198.18.0.0/15, from 0 to {@link #SUBNETS} - 1
     */
    public static LabLayout of(String runId, int servers, int agents, int clients, int subnetIndex, String ipv6Prefix) {
        if (subnetIndex < 0 || subnetIndex >= SUBNETS) {
            throw new IllegalArgumentException("subnet index " + subnetIndex);
        }
        String subnet = "198.%d.%d".formatted(18 + subnetIndex / 256, subnetIndex % 256);
        List<LabHost> hosts = new ArrayList<>();
        for (int i = 1; i <= Math.max(agents, clients); i++) {
            List<String> processes = new ArrayList<>();
            if (i <= clients) {
                processes.add("client-" + i);
            }
            if (i <= agents) {
                processes.add("agent-" + i);
            }
            hosts.add(host(runId, "client-" + i, subnet, ipv6Prefix, 10 + i, processes));
        }
        for (int i = 1; i <= servers; i++) {
            hosts.add(host(runId, "server-" + i, subnet, ipv6Prefix, 100 + i, List.of("server-" + i)));
        }
        return new LabLayout(runId, subnet, ipv6Prefix, hosts);
    }

    private static LabHost host(
            String runId, String name, String subnet, String ipv6Prefix, int number, List<String> processes) {
        return new LabHost(
                name,
                runId + "-" + name,
                subnet + "." + number,
                ipv6Prefix == null ? null : ipv6Prefix + Integer.toHexString(number),
                processes);
    }

    /** The host that runs a process ({@code agent-2} → {@code client-2}), or the host of that name. */
    public Optional<LabHost> hostOf(String processOrHost) {
        return hosts.stream()
                .filter(h -> h.processes().contains(processOrHost))
                .findFirst()
                .or(() -> hosts.stream()
                        .filter(h -> h.name().equals(processOrHost))
                        .findFirst());
    }

    public LabHost host(String processOrHost) {
        return hostOf(processOrHost)
                .orElseThrow(() -> new IllegalArgumentException("no host or process " + processOrHost));
    }

    public List<String> processes() {
        return hosts.stream().flatMap(h -> h.processes().stream()).toList();
    }

    /** {@code server-1.lab.test} */
    public static String fqdn(String hostName) {
        return hostName + "." + ZONE;
    }

    /** A ring server's id, the same string in the ring's peer list and in the agents' server list. */
    public String serverId(int index) {
        return fqdn("server-" + index) + ":" + LabPorts.SERVER;
    }

    /** Where load clients send to agent {@code index}. */
    public String agentEndpoint(int index) {
        return fqdn(host("agent-" + index).name()) + ":" + LabPorts.AGENT_CLIENT;
    }

    public String bridge() {
        return runId + "-br";
    }

    /** The machine's own address on the lab's bridge. */
    public String machineIpv4() {
        return subnet + ".1";
    }

    public String machineIpv6() {
        return ipv6Prefix == null ? null : ipv6Prefix + "1";
    }

    public String dnsNamespace() {
        return runId + "-dns";
    }

    public String dnsIpv4() {
        return subnet + ".2";
    }

    public String dnsIpv6() {
        return ipv6Prefix == null ? null : ipv6Prefix + "2";
    }

    /** The machine's nftables table that keeps the lab closed (no routing between the lab and anywhere else). */
    public String guardTable() {
        return "ringlab_" + runId.replace('-', '_');
    }

    /** The lab's zone as a hosts file: every host under its full name and its short name. */
    public String hostsFile() {
        StringBuilder out = new StringBuilder("# RingLab lab " + runId + "\n");
        out.append(machineIpv4()).append(' ').append(fqdn("machine")).append(" machine\n");
        if (ipv6Prefix != null) {
            out.append(machineIpv6()).append(' ').append(fqdn("machine")).append(" machine\n");
        }
        for (LabHost host : hosts) {
            for (String address : host.addresses()) {
                out.append(String.format(Locale.ROOT, "%s %s %s%n", address, fqdn(host.name()), host.name()));
            }
        }
        return out.toString();
    }
}
