package io.ringlab.dashboard.timeline;

import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;

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

    private ServerStates() {}

    static Map<String, String> of(ClusterView view) {
        Set<String> outSomewhere = new HashSet<>();
        for (ServiceView agent : view.agents()) {
            AgentStatus status = agent.agentStatus();
            if (status == null || status.servers() == null) {
                continue;
            }
            for (AgentStatus.ServerShare share : status.servers()) {
                if (!share.up()) {
                    String id = share.server();
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
        ServerStatus status = server.serverStatus();
        if (status != null && "down".equals(status.state())) {
            return "down";
        }
        RingStatus ring = server.ringStatus();
        if (ring != null && "restarting".equals(ring.state())) {
            return "restarting";
        }
        return out ? "out" : "up";
    }
}
