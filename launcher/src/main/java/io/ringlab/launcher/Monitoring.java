package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts Prometheus (and Grafana, when installed) beside the local run, with the project's scrape
 * configuration and dashboards. The local scrape configuration names the run's default HTTP ports; they are
 * moved to the run's own. In the lab, Prometheus runs on the machine (not in a namespace) and scrapes every service
 * at its host's address, and the launcher's REST for the faults ({@link LabScrapeConfig}).
 */
public final class Monitoring {

    private static final int DEFAULT_HTTP_BASE = 8000;

    private Monitoring() {}

    /** Lines to print: URLs, or why a tool was not started. */
    static List<String> start(LaunchOptions options, LocalCluster cluster) throws IOException {
        Path home = options.home();
        Path directory = options.runDirectory().resolve("monitoring");
        Files.createDirectories(directory);
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        if (!onPath("prometheus")) {
            lines.add("prometheus: not installed (Debian: apt-get install prometheus); running without it");
            return lines;
        }
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(
                config,
                options.hosts()
                        ? labConfig(options, cluster)
                        : shiftPorts(
                                Files.readString(home.resolve("monitoring/prometheus/prometheus-local.yml")),
                                options.httpPort() - DEFAULT_HTTP_BASE));
        String prometheusUrl = "http://127.0.0.1:" + options.prometheusPort();
        cluster.startTool(
                "prometheus",
                Role.MONITORING,
                options.prometheusPort(),
                List.of(
                        "prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + directory.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + options.prometheusPort()),
                Map.of());
        lines.add("prometheus: " + prometheusUrl + " (scraping every service every 5 s"
                + (options.hosts()
                        ? ", and the lab's faults at http://127.0.0.1:" + options.controlPort() + "/metrics)"
                        : ")"));

        String grafana = onPath("grafana-server") ? "grafana-server" : onPath("grafana") ? "grafana" : null;
        if (grafana == null) {
            lines.add("grafana: not installed (not in Debian); the dashboards are in monitoring/grafana/dashboards");
            return lines;
        }
        List<String> command = grafana.equals("grafana")
                ? List.of("grafana", "server", "--homepath", "/usr/share/grafana")
                : List.of("grafana-server", "--homepath", "/usr/share/grafana");
        cluster.startTool(
                "grafana",
                Role.MONITORING,
                options.grafanaPort(),
                command,
                Map.of(
                        "GF_PATHS_PROVISIONING",
                                home.resolve("monitoring/grafana/provisioning").toString(),
                        "GF_PATHS_DATA", directory.resolve("grafana").toString(),
                        "GF_SERVER_HTTP_ADDR", "127.0.0.1",
                        "GF_SERVER_HTTP_PORT", Integer.toString(options.grafanaPort()),
                        "RINGLAB_PROMETHEUS_URL", prometheusUrl,
                        "RINGLAB_DASHBOARDS_DIR",
                                home.resolve("monitoring/grafana/dashboards").toString()));
        lines.add("grafana: http://127.0.0.1:" + options.grafanaPort() + " (dashboard RingLab overview)");
        return lines;
    }

    private static String labConfig(LaunchOptions options, LocalCluster cluster) {
        return LabScrapeConfig.render(
                addresses(cluster, Role.SERVER),
                addresses(cluster, Role.AGENT),
                addresses(cluster, Role.CLIENT),
                addresses(cluster, Role.DASHBOARD),
                "127.0.0.1:" + options.controlPort());
    }

    private static List<String> addresses(LocalCluster cluster, Role role) {
        return cluster.ofRole(role).stream().map(ServiceProcess::httpAddress).toList();
    }

    /** Moves every {@code 127.0.0.1:port} target by {@code offset}. */
    public static String shiftPorts(String config, int offset) {
        Matcher matcher = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(config);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, "127.0.0.1:" + (Integer.parseInt(matcher.group(1)) + offset));
        }
        return matcher.appendTail(out).toString();
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
