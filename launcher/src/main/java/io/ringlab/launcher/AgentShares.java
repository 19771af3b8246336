package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** An agent's servers by id ({@code host:port}, as the agent names them): what it sent each, and how it sees them. */
final class AgentShares {

    private AgentShares() {}

    static Map<String, Long> forwardedTo(AgentStatus agent) {
        return byServer(agent, AgentStatus.ServerShare::forwarded);
    }

    static Map<String, Boolean> upById(AgentStatus agent) {
        return byServer(agent, AgentStatus.ServerShare::up);
    }

    static Map<String, String> stateById(AgentStatus agent) {
        return byServer(agent, AgentStatus.ServerShare::state);
    }

    private static <T> Map<String, T> byServer(AgentStatus agent, Function<AgentStatus.ServerShare, T> value) {
        Map<String, T> values = new LinkedHashMap<>();
        if (agent.servers() != null) {
            agent.servers().forEach(share -> values.put(share.server(), value.apply(share)));
        }
        return values;
    }
}
