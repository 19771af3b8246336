package io.ringlab.dashboard.web;

import io.ringlab.dashboard.cluster.ClientSample;
import io.ringlab.dashboard.cluster.ClusterPoller;
import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.config.DashboardProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** What the page reads: the cluster as last polled, the clients' chart history, and where it links to. */
@RestController
@RequestMapping("/api")
class ClusterController {

    private final ClusterPoller poller;
    private final DashboardProperties properties;

    ClusterController(ClusterPoller poller, DashboardProperties properties) {
        this.poller = poller;
        this.properties = properties;
    }

    /** Where the page links to: {@code grafana}, the Grafana with the project's dashboards, when one is configured. */
    @GetMapping("/links")
    Map<String, String> links() {
        return properties.grafanaUrl() == null
                ? Map.of()
                : Map.of("grafana", properties.grafanaUrl().toString().replaceAll("/+$", ""));
    }

    @GetMapping("/cluster")
    ClusterView cluster() {
        return poller.latest();
    }

    @GetMapping("/history")
    Map<String, List<ClientSample>> history() {
        return poller.history();
    }
}
