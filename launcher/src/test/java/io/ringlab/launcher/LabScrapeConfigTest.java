package io.ringlab.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LabScrapeConfigTest {

    private static final Path LOCAL = Path.of("..", "monitoring", "prometheus", "prometheus-local.yml");

    @Test
    void scrapesEveryServiceAtItsLabAddressUnderTheLocalRunsJobsAndTheLaunchersRest() throws IOException {
        String config = LabScrapeConfig.render(
                List.of("198.18.7.101:8001", "198.18.7.102:8002"),
                List.of("[fd12:3456:789a:1::11]:8101"),
                List.of(),
                List.of("127.0.0.1:8000"),
                "127.0.0.1:8300");

        assertThat(config)
                .contains("""
                  - job_name: ring-server
                    metrics_path: /actuator/prometheus
                    honor_labels: true
                    static_configs:
                      - targets: ["198.18.7.101:8001", "198.18.7.102:8002"]
                """)
                .contains("- targets: [\"[fd12:3456:789a:1::11]:8101\"]")
                .doesNotContain("load-client")
                .contains("""
                  - job_name: admin-dashboard
                    metrics_path: /actuator/prometheus
                    honor_labels: true
                    static_configs:
                      - targets: ["127.0.0.1:8000"]
                """)
                .contains("""
                  - job_name: ringlab-lab
                    metrics_path: /metrics
                    honor_labels: true
                    static_configs:
                      - targets: ["127.0.0.1:8300"]
                """);
        // the same service jobs as the loopback run's configuration, so that the dashboards' queries hold in the lab
        // too
        var localJobs = Pattern.compile("job_name: (\\S+)")
                .matcher(Files.readString(LOCAL))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(localJobs).isEqualTo(LabScrapeConfig.SERVICE_JOBS);
    }
}
