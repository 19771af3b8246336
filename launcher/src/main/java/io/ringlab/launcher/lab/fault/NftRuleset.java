package io.ringlab.launcher.lab.fault;

import io.ringlab.launcher.lab.layout.LabHost;
import io.ringlab.launcher.lab.layout.LabLayout;
import io.ringlab.launcher.lab.layout.LabPorts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The nftables script that makes the network faults in force on one host of the lab. Every rule drops in the
 * receiving host's {@code input} hook: the sender's {@code sendto} succeeds and the datagram travels, as on a real
 * network that loses it (a drop in the sender's {@code output} hook would fail the send with EPERM, which no real link
 * does). A datagram is judged once, and traffic within a host (a client and its agent) goes through the same hook.
 * The script replaces the host's table as a whole, in one transaction: applying the faults in force after any change
 * leaves nothing behind of those that ended.
 */
public final class NftRuleset {

    public static final String TABLE = "ringlab_faults";
    private static final int LOSS_SCALE = 10_000;

    private NftRuleset() {}

    public static String render(LabLayout layout, LabHost host, Collection<FaultAction> active) {
        List<String> rules = new ArrayList<>();
        for (FaultAction action : active) {
            if (action instanceof FaultAction.Loss loss) {
                rules.addAll(lossRules(layout, host, loss));
            } else if (action instanceof FaultAction.Partition partition) {
                rules.addAll(partitionRules(layout, host, partition));
            }
        }
        StringBuilder script = new StringBuilder();
        script.append("table inet ").append(TABLE).append(" {}\n");
        script.append("delete table inet ").append(TABLE).append('\n');
        script.append("table inet ").append(TABLE).append(" {\n");
        script.append("  chain input {\n    type filter hook input priority 0; policy accept;\n");
        rules.forEach(rule -> script.append("    ").append(rule).append('\n'));
        script.append("  }\n}\n");
        return script.toString();
    }

    private static List<String> lossRules(LabLayout layout, LabHost host, FaultAction.Loss loss) {
        List<String> rules = new ArrayList<>(directedLoss(layout, host, loss.from(), loss.to(), loss.percent()));
        if (loss.bothWays()) {
            rules.addAll(directedLoss(layout, host, loss.to(), loss.from(), loss.percent()));
        }
        return rules;
    }

    /** Rules for datagrams {@code host} receives as {@code to} from {@code from}. */
    private static List<String> directedLoss(
            LabLayout layout, LabHost host, Endpoint from, Endpoint to, double percent) {
        if (!runs(host, to)) {
            return List.of();
        }
        long threshold = Math.round(percent / 100 * LOSS_SCALE);
        String ports =
                "udp sport %d udp dport %d".formatted(port(from.role(), to.role()), port(to.role(), from.role()));
        String random = "numgen random mod %d < %d".formatted(LOSS_SCALE, threshold);
        String comment = "comment \"loss %s%% %s->%s\"".formatted(FaultSpec.number(percent), from, to);
        if (from.process() == null) {
            return List.of(String.join(" ", ports, random, "drop", comment));
        }
        return addressMatches(layout.host(from.process()).addresses(), "saddr").stream()
                .map(match -> String.join(" ", ports, match, random, "drop", comment))
                .toList();
    }

    private static boolean runs(LabHost host, Endpoint end) {
        if (end.process() != null) {
            return host.processes().contains(end.process());
        }
        return host.processes().stream().anyMatch(p -> p.startsWith(end.role() + "-"));
    }

    /** The port a role sends from when it talks to {@code peer} (and so the port it receives on from it). */
    static int port(String role, String peer) {
        return switch (role) {
            case "client" -> LabPorts.CLIENT_REPLY;
            case "agent" -> peer.equals("client") ? LabPorts.AGENT_CLIENT : LabPorts.AGENT_SERVER;
            case "server" -> LabPorts.SERVER;
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static List<String> partitionRules(LabLayout layout, LabHost host, FaultAction.Partition partition) {
        List<String> side = hostNames(layout, partition.side());
        List<String> other = partition.other().isEmpty()
                ? layout.hosts().stream()
                        .map(LabHost::name)
                        .filter(h -> !side.contains(h))
                        .toList()
                : hostNames(layout, partition.other());
        String comment = "comment \"" + partition + "\"";
        if (other.contains(host.name())) {
            return dropFrom(layout, side, comment);
        }
        if (side.contains(host.name()) && !partition.oneWay()) {
            return dropFrom(layout, other, comment);
        }
        return List.of();
    }

    private static List<String> dropFrom(LabLayout layout, List<String> hosts, String comment) {
        List<String> addresses =
                hosts.stream().flatMap(h -> layout.host(h).addresses().stream()).toList();
        return addressMatches(addresses, "saddr").stream()
                .map(match -> match + " drop " + comment)
                .toList();
    }

    private static List<String> hostNames(LabLayout layout, List<String> names) {
        return names.stream().map(n -> layout.host(n).name()).distinct().toList();
    }

    /** {@code ip daddr { a, b }} and {@code ip6 daddr { ... }}, for the families present. */
    private static List<String> addressMatches(List<String> addresses, String field) {
        List<String> matches = new ArrayList<>();
        List<String> v4 = addresses.stream().filter(a -> !a.contains(":")).toList();
        List<String> v6 = addresses.stream().filter(a -> a.contains(":")).toList();
        if (!v4.isEmpty()) {
            matches.add(String.format(Locale.ROOT, "ip %s { %s }", field, String.join(", ", v4)));
        }
        if (!v6.isEmpty()) {
            matches.add(String.format(Locale.ROOT, "ip6 %s { %s }", field, String.join(", ", v6)));
        }
        return matches;
    }
}
