package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's three result tables from one snapshot: per client the average response time and success rate
 * (and all clients together), per agent the share of requests sent to each server (and their average), per
 * server the share of requests received. Rendered as Markdown and as HTML.
 */
final class SeedTables {

    private final List<List<String>> clients = new ArrayList<>();
    private final List<List<String>> agents = new ArrayList<>();
    private final List<List<String>> servers = new ArrayList<>();

    SeedTables(Snapshot snapshot) {
        clients.add(List.of("", "Average response time (ms)", "Success rate (%)", "Responses", "Timeouts"));
        long responses = 0;
        long finished = 0;
        long timeouts = 0;
        double weighted = 0;
        int threads = 0;
        for (Snapshot.Client client : snapshot.clients()) {
            ClientStatus s = client.status();
            if (s == null) {
                clients.add(List.of(client.name(), "unreachable", "", "", ""));
                continue;
            }
            clients.add(List.of(
                    "%s (%d threads)".formatted(client.name(), s.threads()),
                    fixed(s.averageMs(), 2),
                    fixed(s.successRate() * 100, 2),
                    Long.toString(s.responses()),
                    Long.toString(s.timeouts())));
            responses += s.responses();
            finished += s.responses() + s.timeouts() + s.wrongReplies();
            timeouts += s.timeouts();
            weighted += s.averageMs() * s.responses();
            threads += s.threads();
        }
        clients.add(List.of(
                "Average client in the system (all %d threads)".formatted(threads),
                fixed(responses == 0 ? 0 : weighted / responses, 2),
                fixed(finished == 0 ? 0 : 100.0 * responses / finished, 2),
                Long.toString(responses),
                Long.toString(timeouts)));

        List<String> header = new ArrayList<>(List.of(""));
        snapshot.servers().forEach(server -> header.add(server.name()));
        agents.add(header);
        double[] sums = new double[snapshot.servers().size()];
        int reachable = 0;
        for (Snapshot.Agent agent : snapshot.agents()) {
            AgentStatus s = agent.status();
            if (s == null) {
                continue;
            }
            reachable++;
            List<String> row = new ArrayList<>(List.of(agent.name()));
            for (int i = 0; i < snapshot.servers().size(); i++) {
                long sent = AgentShares.forwardedTo(s)
                        .getOrDefault(snapshot.servers().get(i).id(), 0L);
                double share = s.forwarded() == 0 ? 0 : (double) sent / s.forwarded();
                sums[i] += share;
                row.add(fixed(share, 3));
            }
            agents.add(row);
        }
        List<String> average = new ArrayList<>(List.of("Average of agents"));
        for (double sum : sums) {
            average.add(fixed(reachable == 0 ? 0 : sum / reachable, 3));
        }
        agents.add(average);

        servers.add(header);
        long total = snapshot.servers().stream()
                .filter(s -> s.status() != null)
                .mapToLong(s -> s.status().requestsReceived())
                .sum();
        List<String> received = new ArrayList<>(List.of("Requests received"));
        List<String> share = new ArrayList<>(List.of("Ratio of requests received"));
        for (Snapshot.Server server : snapshot.servers()) {
            long count = server.status() == null ? 0 : server.status().requestsReceived();
            received.add(Long.toString(count));
            share.add(fixed(total == 0 ? 0 : (double) count / total, 3));
        }
        servers.add(received);
        servers.add(share);
    }

    String markdown(String title) {
        StringBuilder out = new StringBuilder("# " + title + "\n\n");
        section(out, "Client side", clients);
        section(out, "Agent side: share of requests sent to each server", agents);
        section(out, "Server side", servers);
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, List<List<String>> rows) {
        out.append("## ").append(heading).append("\n\n");
        out.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n");
        out.append("|").append("---|".repeat(rows.get(0).size())).append("\n");
        rows.subList(1, rows.size())
                .forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        out.append("\n");
    }

    /** @param story the report's story section (HTML), shown between the tables and the plots */
    String html(String title, String story, List<String> plots) {
        StringBuilder out = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:4px 10px;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}img,svg{max-width:100%;height:auto}"
                        + "table.events td{text-align:left}</style>"
                        + "</head><body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n");
        htmlSection(out, "Client side", clients);
        htmlSection(out, "Agent side: share of requests sent to each server", agents);
        htmlSection(out, "Server side", servers);
        out.append(story);
        out.append("<h2>Over time</h2>\n");
        plots.forEach(plot -> out.append("<p><img src=\"")
                .append(escape(plot))
                .append("\" alt=\"")
                .append(escape(plot))
                .append("\"></p>\n"));
        return out.append("</body></html>\n").toString();
    }

    private static void htmlSection(StringBuilder out, String heading, List<List<String>> rows) {
        out.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n<tr>");
        rows.get(0).forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : rows.subList(1, rows.size())) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
