package io.ringlab.system;

import io.ringlab.launcher.lab.LabControl;
import io.ringlab.launcher.lab.LabMetrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grafana is not in Debian, so the dashboards are checked for structure here: a uid and title, panels with
 * unique ids and a position, every datasource reference pointing at the provisioned Prometheus datasource,
 * and every target carrying a query; the lab's faults as region annotations over the launcher's metrics. (The
 * queries themselves run against a real Prometheus elsewhere: PrometheusTest, and MultiHostLabTest for the lab's.)
 */
class DashboardJsonTest {

    static final Path MONITORING = Path.of("..", "monitoring").toAbsolutePath().normalize();
    static final String LAB_FAULT_SERIES = "ringlab_lab_fault_active";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void dashboardsAreWellFormedAndUseTheProvisionedDatasource() throws IOException {
        String datasourceUid = provisionedDatasourceUid();
        List<Path> dashboards = dashboards();
        assertThat(dashboards).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.path("uid").asString()).as(file + " uid").isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asString()))
                    .as("uid unique")
                    .isTrue();
            assertThat(dashboard.path("title").asString()).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                String name =
                        file.getFileName() + " panel " + panel.path("title").asString();
                assertThat(ids.add(panel.path("id").asInt()))
                        .as(name + " id unique")
                        .isTrue();
                assertThat(panel.path("type").asString()).as(name).isNotBlank();
                assertThat(panel.path("gridPos").path("w").asInt())
                        .as(name + " width")
                        .isPositive();
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(name)
                        .isEqualTo(datasourceUid);
                assertThat(panel.path("targets")).as(name + " targets").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString())
                            .as(name + " query")
                            .isNotBlank();
                    assertThat(target.path("datasource").path("uid").asString())
                            .as(name)
                            .isEqualTo(datasourceUid);
                }
            }
            assertThat(ids).as(file + " panels").hasSizeGreaterThanOrEqualTo(6);
            for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                if (annotation.has("expr")) {
                    assertThat(annotation.path("datasource").path("uid").asString())
                            .isEqualTo(datasourceUid);
                }
            }
        }
    }

    @Test
    void labFaultsAreRegionAnnotationsTitledWithTheirSpec() throws IOException {
        JsonNode annotation = labFaultAnnotation();
        assertThat(annotation.path("enable").asBoolean()).isTrue();
        // Grafana joins the samples of a series no further apart than the step into one region: the scrape interval
        assertThat(annotation.path("step").asString()).isEqualTo("5s");
        assertThat(annotation.path("useValueForTime").asBoolean()).isFalse();
        // the labels the annotation names are those the launcher writes
        String exposition = LabMetrics.render(List.of(new LabControl.FaultView(
                1, "freeze server-2", "freeze", "active", 1, 11.0, 1_000, 11_000L, 5.0, null)));
        var labels = java.util.regex.Pattern.compile("\\{\\{(\\w+)}}")
                .matcher(annotation.path("titleFormat").asString()
                        + annotation.path("textFormat").asString() + "{{"
                        + annotation.path("tagKeys").asString() + "}}")
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(labels).contains("spec");
        for (String label : labels) {
            assertThat(exposition)
                    .as("the launcher's metrics carry label " + label)
                    .contains(label + "=\"");
        }
        assertThat(annotation.path("titleFormat").asString()).isEqualTo("{{spec}}");
    }

    @Test
    void upstreamResponseTimeIsPlottedPerAgentAndServerFromTheAgentsHistogram() throws IOException {
        String series = io.ringlab.agent.metrics.UpstreamTimes.NAME.replace('.', '_') + "_seconds_bucket";
        List<String> queries = new java.util.ArrayList<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    if (target.path("expr").asString().contains(series)) {
                        queries.add(target.path("expr").asString());
                    }
                }
            }
        }
        assertThat(queries).as("panels over " + series).isNotEmpty().allSatisfy(query -> {
            assertThat(query).startsWith("histogram_quantile(");
            // a quantile of a histogram summed over anything but its labels and le mixes servers up
            assertThat(query).contains("sum by (instance, server, le) (rate(" + series + "[$__rate_interval]))");
        });
        assertThat(queries).anyMatch(q -> q.startsWith("histogram_quantile(0.99,"));
    }

    @Test
    void plannedDowntimesAreRegionAnnotationsPerServer() throws IOException {
        JsonNode downtimes = null;
        for (Path file : dashboards()) {
            for (JsonNode annotation :
                    JSON.readTree(file.toFile()).path("annotations").path("list")) {
                if (annotation.path("expr").asString().equals("ringlab_server_up == 0")) {
                    downtimes = annotation;
                }
            }
        }
        assertThat(downtimes).as("an annotation over ringlab_server_up == 0").isNotNull();
        assertThat(downtimes.path("enable").asBoolean()).isTrue();
        assertThat(downtimes.path("step").asString()).isEqualTo("5s");
        assertThat(downtimes.path("useValueForTime").asBoolean()).isFalse();
        assertThat(downtimes.path("titleFormat").asString()).contains("{{instance}}");
    }

    @Test
    void operatorActionsAndRoundsAreAnnotatedFromTheirCounters() throws IOException {
        JsonNode actions = annotationOver("ringlab_dashboard_operator_actions_total");
        assertThat(actions.path("name").asString()).isEqualTo("Operator actions");
        assertThat(actions.path("enable").asBoolean()).isTrue();
        assertThat(actions.path("step").asString()).isEqualTo("5s");
        // the first action of a kind makes a series born at 1, which increase() does not see: it is taken as well
        assertThat(actions.path("expr").asString())
                .contains("increase(ringlab_dashboard_operator_actions_total[1m]) > 0")
                .contains("unless ringlab_dashboard_operator_actions_total offset 1m");
        // the labels the annotation names are the counter's own tags (OperatorActionCounter)
        var labels = java.util.regex.Pattern.compile("\\{\\{(\\w+)}}")
                .matcher(actions.path("titleFormat").asString()
                        + actions.path("textFormat").asString())
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(labels).contains("operator", "action").isSubsetOf("action", "target", "operator", "outcome");
        assertThat(actions.path("tagKeys").asString().split(",")).isSubsetOf("action", "target", "operator", "outcome");

        JsonNode rounds = annotationOver("ringlab_server_election_wins_total");
        assertThat(rounds.path("name").asString()).isEqualTo("Election rounds");
        assertThat(rounds.path("enable").asBoolean()).isTrue();
        assertThat(rounds.path("titleFormat").asString()).contains("{{instance}}");
    }

    private static JsonNode annotationOver(String series) throws IOException {
        for (Path file : dashboards()) {
            for (JsonNode annotation :
                    JSON.readTree(file.toFile()).path("annotations").path("list")) {
                if (annotation.path("expr").asString().contains(series)) {
                    return annotation;
                }
            }
        }
        throw new AssertionError("no dashboard annotates " + series);
    }

    /** The annotation over the launcher's {@code ringlab_lab_fault_active} (its expression is checked on a real lab). */
    static JsonNode labFaultAnnotation() throws IOException {
        for (Path file : dashboards()) {
            for (JsonNode annotation :
                    JSON.readTree(file.toFile()).path("annotations").path("list")) {
                if (annotation.path("expr").asString().contains(LAB_FAULT_SERIES)) {
                    return annotation;
                }
            }
        }
        throw new AssertionError("no dashboard annotates " + LAB_FAULT_SERIES);
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(MONITORING.resolve("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String provisionedDatasourceUid() throws IOException {
        String provisioning =
                Files.readString(MONITORING.resolve("grafana/provisioning/datasources/ringlab-prometheus.yml"));
        var matcher = java.util.regex.Pattern.compile("uid:\\s*(\\S+)").matcher(provisioning);
        assertThat(matcher.find()).as("datasource uid in the provisioning").isTrue();
        return matcher.group(1);
    }
}
