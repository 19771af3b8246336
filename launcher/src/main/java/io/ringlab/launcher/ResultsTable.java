package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.ServerStatus;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's three result tables as text: per client (response time, success rate), per agent (share of
 * requests sent to each server), per server (share of requests received). Cumulative since start.
 */
final class ResultsTable {

    private ResultsTable() {}

    static String render(Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== RingLab, %s since start ===%n", clock(snapshot.elapsedSeconds())));
        clients(out, snapshot.clients());
        agents(out, snapshot.agents(), snapshot.servers());
        servers(out, snapshot.servers());
        return out.toString();
    }

    private static void clients(StringBuilder out, List<Snapshot.Client> clients) {
        if (clients.isEmpty()) {
            out.append("Clients: none started (point your own load generator at the agents)\n");
            return;
        }
        out.append(String.format(
                Locale.ROOT,
                "%-22s %10s %10s %9s %9s %9s %9s %9s%n",
                "Client",
                "sent",
                "responses",
                "success%",
                "avg ms",
                "p50 ms",
                "p99 ms",
                "timeouts"));
        long sent = 0;
        long responses = 0;
        long finished = 0;
        long timeouts = 0;
        double weightedAverage = 0;
        for (Snapshot.Client client : clients) {
            ClientStatus s = client.status();
            if (s == null) {
                out.append(String.format(Locale.ROOT, "%-22s %s%n", client.name(), "unreachable"));
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-22s %10d %10d %9.2f %9.3f %9.3f %9.3f %9d%n",
                    client.name() + " (" + s.threads() + " thr)",
                    s.sent(),
                    s.responses(),
                    s.successRate() * 100,
                    s.averageMs(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.timeouts()));
            sent += s.sent();
            responses += s.responses();
            finished += s.responses() + s.timeouts() + s.wrongReplies();
            timeouts += s.timeouts();
            weightedAverage += s.averageMs() * s.responses();
        }
        if (clients.size() > 1) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-22s %10d %10d %9.2f %9.3f %9s %9s %9d%n",
                    "all clients",
                    sent,
                    responses,
                    finished == 0 ? 0 : 100.0 * responses / finished,
                    responses == 0 ? 0 : weightedAverage / responses,
                    "",
                    "",
                    timeouts));
        }
    }

    private static void agents(StringBuilder out, List<Snapshot.Agent> agents, List<Snapshot.Server> servers) {
        out.append(String.format(Locale.ROOT, "%-22s", "Agent (share to)"));
        servers.forEach(server -> out.append(String.format(Locale.ROOT, " %11s", server.name())));
        out.append(String.format(Locale.ROOT, " %10s %10s %8s  %s%n", "forwarded", "replies", "retries", "dropped"));
        double[] shareSums = new double[servers.size()];
        int reachable = 0;
        for (Snapshot.Agent agent : agents) {
            AgentStatus s = agent.status();
            if (s == null) {
                out.append(String.format(Locale.ROOT, "%-22s %s%n", agent.name(), "unreachable"));
                continue;
            }
            reachable++;
            out.append(String.format(Locale.ROOT, "%-22s", agent.name()));
            for (int i = 0; i < servers.size(); i++) {
                String id = servers.get(i).id();
                long sentTo = AgentShares.forwardedTo(s).getOrDefault(id, 0L);
                double share = s.forwarded() == 0 ? 0 : (double) sentTo / s.forwarded();
                shareSums[i] += share;
                boolean down = !AgentShares.upById(s).getOrDefault(id, true);
                out.append(String.format(
                        Locale.ROOT, " %11s", String.format(Locale.ROOT, "%.3f%s", share, down ? "*" : "")));
            }
            out.append(String.format(
                    Locale.ROOT,
                    " %10d %10d %8d  %s%n",
                    s.forwarded(),
                    s.repliesDelivered(),
                    s.retries(),
                    drops(s.drops())));
        }
        if (reachable > 1) {
            out.append(String.format(Locale.ROOT, "%-22s", "average of agents"));
            for (double sum : shareSums) {
                out.append(String.format(Locale.ROOT, " %11.3f", sum / reachable));
            }
            out.append(System.lineSeparator());
        }
    }

    private static void servers(StringBuilder out, List<Snapshot.Server> servers) {
        long total = servers.stream()
                .filter(s -> s.status() != null)
                .mapToLong(s -> s.status().requestsReceived())
                .sum();
        out.append(String.format(Locale.ROOT, "%-22s", "Server"));
        servers.forEach(server -> out.append(String.format(Locale.ROOT, " %11s", server.name())));
        out.append(System.lineSeparator()).append(String.format(Locale.ROOT, "%-22s", "requests received"));
        servers.forEach(server -> out.append(String.format(
                Locale.ROOT,
                " %11s",
                server.status() == null
                        ? "unreachable"
                        : Long.toString(server.status().requestsReceived()))));
        out.append(System.lineSeparator()).append(String.format(Locale.ROOT, "%-22s", "state"));
        servers.forEach(server -> out.append(String.format(Locale.ROOT, " %11s", state(server.status()))));
        out.append(System.lineSeparator()).append(String.format(Locale.ROOT, "%-22s", "share received"));
        servers.forEach(server -> out.append(String.format(
                Locale.ROOT,
                " %11s",
                server.status() == null
                        ? "-"
                        : String.format(
                                Locale.ROOT,
                                "%.3f",
                                total == 0 ? 0 : (double) server.status().requestsReceived() / total))));
        out.append(System.lineSeparator());
    }

    private static String state(ServerStatus status) {
        if (status == null) {
            return "-";
        }
        return status.state().equals("down")
                ? String.format(Locale.ROOT, "down %.0fs", Math.ceil(status.downForMs() / 1000.0))
                : status.state();
    }

    private static String drops(Map<String, Long> drops) {
        return drops == null || drops.isEmpty() ? "-" : drops.toString();
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
