package io.ringlab.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report command on a short run: every file is written, the tables are the last sample, and every
 * sample agrees with the services' own counters, as their log lines show them just before and after it.
 */
class ReportTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final List<String> PLOTS = List.of(
            "1-average-response-time.png",
            "2-success-rate.png",
            "3-responses.png",
            "4-requests-per-server-per-agent.png",
            "5-requests-received-per-server.png",
            "6-response-time-percentiles.png");

    @Test
    void shortRunWritesEveryFileWithFiguresThatAgreeWithTheServicesCounters() throws Exception {
        Path runDir;
        Path reportDir;
        try (LauncherProcess report = new LauncherProcess(
                "ringlab-report",
                "report-test",
                new Random(SEED),
                "--duration",
                "16s",
                "--report-interval",
                "4s",
                "--threads",
                "20",
                "--elections",
                "off",
                "--report-dir",
                "system-tests/target/report-test/report")) {
            runDir = report.runDir;
            reportDir = runDir.resolve("report");
            assertThat(report.awaitExit(4))
                    .as("report finished (seed %d)", SEED)
                    .isTrue();
            assertThat(report.exitValue()).as(report.printed()).isZero();
        }

        for (String plot : PLOTS) {
            byte[] png = Files.readAllBytes(reportDir.resolve(plot));
            assertThat(png).as(plot).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).as(plot + " size").isGreaterThan(5_000);
        }
        assertThat(Files.readString(reportDir.resolve("report.html")))
                .contains(PLOTS.toArray(String[]::new))
                .contains("<table>")
                .contains("<a href=\"timeline.svg\">", "<svg ", "<table class=\"events\">", "<a href=\"events.csv\">");
        // the run's story: a strip per server and two per client over the whole run, and its events
        String timeline = Files.readString(reportDir.resolve("timeline.svg"));
        for (String server : List.of("server-1", "server-2", "server-3")) {
            assertThat(timeline).contains("<g data-timeline-server=\"" + server + "\">");
        }
        assertThat(timeline)
                .contains(
                        "<g data-timeline-client=\"client-1\" data-field=\"success\">",
                        "<g data-timeline-client=\"client-1\" data-field=\"p99\">")
                .endsWith("</svg>\n");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(reportDir.resolve("events.json").toFile())
                        .isArray())
                .isTrue();
        assertThat(Files.readAllLines(reportDir.resolve("events.csv")).get(0)).isEqualTo("at_s,kind,source,text");

        List<String[]> clientRows = rows(reportDir.resolve("clients.csv"), "client-1");
        assertThat(clientRows).hasSizeGreaterThanOrEqualTo(3);
        long previous = 0;
        for (String[] row : clientRows) {
            long responses = Long.parseLong(row[5]);
            assertThat(responses).as("cumulative").isGreaterThanOrEqualTo(previous);
            previous = responses;
        }
        String[] last = clientRows.get(clientRows.size() - 1);
        String tables = Files.readString(reportDir.resolve("tables.md"));
        assertThat(tables)
                .contains("| client-1 (20 threads) | %.2f | %.2f | %s |"
                        .formatted(Double.parseDouble(last[9]), Double.parseDouble(last[8]) * 100, last[5]));
        String[] lastAgentRow = rows(reportDir.resolve("agents.csv"), "agent-1").stream()
                .filter(r -> r[3].equals("server-1"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(tables).containsPattern("\\| agent-1 \\| %.3f \\|".formatted(Double.parseDouble(lastAgentRow[5])));

        int bracketed = agreesWithLog(
                clientRows,
                5,
                runDir.resolve("logs/client-1.log"),
                Pattern.compile("^(\\S+) INFO .*client client-1: sent \\d+, responses (\\d+),"));
        bracketed += agreesWithLog(
                rows(reportDir.resolve("servers.csv"), "server-1"),
                3,
                runDir.resolve("logs/server-1.log"),
                Pattern.compile("^(\\S+) INFO .*server server-1 \\(\\w+\\): requests received (\\d+) "));
        assertThat(bracketed)
                .as("samples checked against a log line on both sides")
                .isGreaterThanOrEqualTo(2);
    }

    /** Each sample lies between the service's own count logged before it and the one logged a second after. */
    private static int agreesWithLog(List<String[]> rows, int column, Path log, Pattern line) throws Exception {
        List<LocalTime> times = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (String text : Files.readAllLines(log)) {
            Matcher matcher = line.matcher(text);
            if (matcher.find()) {
                times.add(LocalTime.parse(matcher.group(1)));
                counts.add(Long.parseLong(matcher.group(2)));
            }
        }
        assertThat(times).as("status lines in " + log).isNotEmpty();
        int bracketed = 0;
        for (String[] row : rows) {
            LocalTime sampled = LocalTime.parse(row[1]);
            long value = Long.parseLong(row[column]);
            Long before = null;
            Long after = null;
            for (int i = 0; i < times.size(); i++) {
                if (!times.get(i).isAfter(sampled)) {
                    before = counts.get(i);
                } else if (after == null && times.get(i).isAfter(sampled.plusSeconds(1))) {
                    after = counts.get(i);
                }
            }
            if (before != null) {
                assertThat(value)
                        .as("sample at %s against the log before it", sampled)
                        .isGreaterThanOrEqualTo(before);
            }
            if (after != null) {
                assertThat(value)
                        .as("sample at %s against the log after it", sampled)
                        .isLessThanOrEqualTo(after);
            }
            if (before != null && after != null) {
                bracketed++;
            }
        }
        return bracketed;
    }

    private static List<String[]> rows(Path csv, String name) throws Exception {
        return Files.readAllLines(csv).stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(row -> row[2].equals(name))
                .toList();
    }
}
