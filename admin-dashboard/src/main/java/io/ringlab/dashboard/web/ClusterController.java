package io.ringlab.dashboard.web;

import io.ringlab.dashboard.cluster.ClientSample;
import io.ringlab.dashboard.cluster.ClusterPoller;
import io.ringlab.dashboard.cluster.ClusterView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** What the page reads: the cluster as last polled, and the clients' chart history. */
@RestController
@RequestMapping("/api")
class ClusterController {

    private final ClusterPoller poller;

    ClusterController(ClusterPoller poller) {
        this.poller = poller;
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
