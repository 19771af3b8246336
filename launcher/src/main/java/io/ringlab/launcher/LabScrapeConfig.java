package io.ringlab.launcher;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The lab-mode Prometheus's scrape configuration: the jobs of {@code monitoring/prometheus/prometheus-local.yml}
 * (same names, path and labels, so that the Grafana dashboard's queries hold), each service at its lab address, and
 * one more job for the launcher's REST, whose {@code /metrics} are the lab's faults.
 */
public final class LabScrapeConfig {

    /** The jobs of the services, as in prometheus-local.yml: ring servers, agents, load clients, the dashboard. */
    public static final List<String> SERVICE_JOBS =
            List.of("ring-server", "lb-agent", "load-client", "admin-dashboard");
    /** The job of the launcher's REST. */
    public static final String LAB_JOB = "ringlab-lab";

    private LabScrapeConfig() {}

    /**
     * @param servers      {@code host:port} of every ring server's HTTP; {@code agents}, {@code clients} the same
     * @param dashboards   {@code host:port} of the admin dashboard (its operators' actions), if it runs
     * @param launcherRest {@code host:port} of the launcher's REST
     */
    public static String render(
            List<String> servers,
            List<String> agents,
            List<String> clients,
            List<String> dashboards,
            String launcherRest) {
        List<List<String>> targets = List.of(servers, agents, clients, dashboards);
        StringBuilder yaml = new StringBuilder("""
                # Scrapes a bin/ringlab-lab run: every service at its host's address on the lab's bridge, and the
                # launcher's REST (the lab's faults). Written by the launcher; the jobs are those of prometheus-local.yml.
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s

                scrape_configs:
                """);
        for (int i = 0; i < SERVICE_JOBS.size(); i++) {
            if (!targets.get(i).isEmpty()) {
                job(yaml, SERVICE_JOBS.get(i), "/actuator/prometheus", targets.get(i));
            }
        }
        job(yaml, LAB_JOB, "/metrics", List.of(launcherRest));
        return yaml.toString();
    }

    private static void job(StringBuilder yaml, String name, String path, List<String> targets) {
        yaml.append("  - job_name: ")
                .append(name)
                .append('\n')
                .append("    metrics_path: ")
                .append(path)
                .append('\n')
                .append("    honor_labels: true\n")
                .append("    static_configs:\n")
                .append("      - targets: [")
                .append(targets.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")))
                .append("]\n\n");
    }
}
