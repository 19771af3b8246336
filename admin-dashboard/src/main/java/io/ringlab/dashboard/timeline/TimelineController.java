package io.ringlab.dashboard.timeline;

import io.ringlab.dashboard.cluster.ClientSample;
import io.ringlab.dashboard.cluster.ClusterPoller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/timeline}: what the page's timeline had before it was loaded: each server's state changes and each
 * client's samples over the dashboard's history window, oldest first.
 */
@RestController
class TimelineController {

    /** The timeline's history: {@code servers} name → state changes, {@code clients} name → samples. */
    record Timeline(Map<String, List<StateChange>> servers, Map<String, List<ClientSample>> clients) {}

    private final StateHistory states;
    private final ClusterPoller poller;

    TimelineController(StateHistory states, ClusterPoller poller) {
        this.states = states;
        this.poller = poller;
    }

    @GetMapping("/api/timeline")
    Timeline timeline() {
        return new Timeline(states.all(), poller.history());
    }
}
