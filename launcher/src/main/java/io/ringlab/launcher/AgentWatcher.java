package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.protocol.LogText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the agents' status, read every second, into a line each time an agent's view of a server changes:
 * {@code agent-1: server-2 unhealthy} when it stops answering health checks, {@code up} when it is back,
 * {@code down} for a planned downtime, {@code ejected} for failing requests.
 */
final class AgentWatcher {

    private final Map<String, String> serverNameById;
    private final Map<String, String> lastState = new HashMap<>();

    /** @param serverNameById server names ({@code server-2}) by id ({@code 127.0.0.1:4243}) */
    AgentWatcher(Map<String, String> serverNameById) {
        this.serverNameById = serverNameById;
    }

    /** @param agents each agent's status by name (null if it did not answer) */
    List<String> lines(Map<String, AgentStatus> agents) {
        List<String> lines = new ArrayList<>();
        agents.forEach((agent, status) -> {
            if (status == null) {
                return;
            }
            AgentShares.stateById(status).forEach((id, state) -> {
                String server = serverNameById.getOrDefault(id, id);
                String before = lastState.put(agent + "/" + server, state);
                if (before != null && !before.equals(state)) {
                    lines.add("%s: %s %s (retries so far %d, ejections %d)"
                            .formatted(
                                    LogText.escape(agent),
                                    LogText.escape(server),
                                    LogText.escape(state),
                                    status.retries(),
                                    status.ejections()));
                }
            });
        });
        return lines;
    }
}
