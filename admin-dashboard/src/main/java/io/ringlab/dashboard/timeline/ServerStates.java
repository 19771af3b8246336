package io.ringlab.dashboard.timeline;

import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Each server's state in one poll, as the timeline's strips tell it: {@code unreachable}, {@code down} (planned),
 * {@code restarting}, {@code out} (up, but out of rotation at some agent) or {@code up}. The page's
 * {@code timelineState} tells the same for its own polls.
 */
final class ServerStates {

    private ServerStates() {
    }

    static Map<String, String> of(ClusterView view) {
        Set<String> outSomewhere = new HashSet<>();
        for (ServiceView agent : view.agents()) {
            if (agent.status() == null) {
                continue;
            }
            for (JsonNode share : agent.status().path("servers")) {
                if (!share.path("up").asBoolean(true)) {
                    String id = share.path("server").asString();
                    outSomewhere.add(view.serverNames().getOrDefault(id, id));
                }
            }
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (ServiceView server : view.servers()) {
            states.put(server.name(), state(server, outSomewhere.contains(server.name())));
        }
        return states;
    }

    private static String state(ServiceView server, boolean out) {
        if (!server.reachable()) {
            return "unreachable";
        }
        if (server.status() != null && "down".equals(server.status().path("state").asString())) {
            return "down";
        }
        if (server.ring() != null && "restarting".equals(server.ring().path("state").asString())) {
            return "restarting";
        }
        return out ? "out" : "up";
    }
}
