package io.ringlab.agent.web;

import io.ringlab.agent.balancing.Strategies;
import io.ringlab.agent.balancing.SwitchableStrategy;
import io.ringlab.support.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Control of the agent: {@code POST /api/agent/strategy} with {@code {"strategy": "least-outstanding"}} switches
 * the balancing strategy at once and answers {@code 200 {"strategy": "least-outstanding"}}; {@code 400} with
 * the known names for an unknown one, and nothing changes. Needs the operator's credentials
 * ({@code ringlab.security.*}), as every request that changes state.
 */
@RestController
@RequestMapping("/api/agent")
class AgentController {

    private final SwitchableStrategy strategy;

    AgentController(SwitchableStrategy strategy) {
        this.strategy = strategy;
    }

    record StrategyChange(String strategy) {}

    @PostMapping("/strategy")
    ResponseEntity<?> switchStrategy(@RequestBody(required = false) StrategyChange change) {
        if (change == null || change.strategy() == null || change.strategy().isBlank()) {
            return Problems.badRequest("give {\"strategy\": name}, one of " + Strategies.NAMES);
        }
        try {
            strategy.switchTo(Strategies.create(change.strategy().trim()));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
        return ResponseEntity.ok(Map.of("strategy", strategy.name()));
    }
}
