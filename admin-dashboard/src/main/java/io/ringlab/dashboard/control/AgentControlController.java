package io.ringlab.dashboard.control;

import io.ringlab.dashboard.config.DashboardProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Switches an agent's balancing strategy, forwarded to the agent. */
@RestController
@RequestMapping("/api/control/agents")
class AgentControlController {

    private final ControlTargets targets;
    private final ControlForwarder forwarder;
    private final DashboardProperties properties;

    AgentControlController(ControlTargets targets, ControlForwarder forwarder, DashboardProperties properties) {
        this.targets = targets;
        this.forwarder = forwarder;
        this.properties = properties;
    }

    record StrategyChange(String strategy) {}

    @PostMapping("/{agent}/strategy")
    ResponseEntity<?> switchStrategy(@PathVariable String agent, @RequestBody(required = false) StrategyChange change) {
        var target = targets.agent(agent);
        if (change == null
                || change.strategy() == null
                || !properties.strategies().contains(change.strategy())) {
            throw ControlRefused.badRequest("unknown strategy '%s'; known: %s"
                    .formatted(change == null ? null : change.strategy(), properties.strategies()));
        }
        return ControlResponses.of(forwarder
                .send(target, "POST", "/api/agent/strategy", Map.of("strategy", change.strategy()))
                .join());
    }
}
