package io.ringlab.agent.web;

import io.ringlab.agent.routing.AgentStatusSource;
import io.ringlab.model.status.AgentStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status}: the agent's results since start ({@link AgentStatus}): its strategy, and each server
 * as it sees it (in rotation or why not, its load share). Open to anyone, like every read.
 */
@RestController
@RequestMapping("/api")
class AgentStatusController {

    private final AgentStatusSource statusSource;

    AgentStatusController(AgentStatusSource statusSource) {
        this.statusSource = statusSource;
    }

    @GetMapping("/status")
    AgentStatus status() {
        return statusSource.status();
    }
}
