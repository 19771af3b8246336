package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;
import io.ringlab.launcher.lab.layout.LabLayout;
import io.ringlab.launcher.lab.layout.LabPorts;

import java.util.List;

/**
 * Every process on its host of the lab, in the host's namespace; peers named as in a real deployment
 * ({@code server-1.lab.test:4242}), the same ports on every host. The dashboard stays on the machine.
 */
record LabPlacement(LabLayout layout, boolean ipv6) implements Placement {

    @Override
    public String serverId(int index) {
        return layout.serverId(index);
    }

    @Override
    public int serverUdpPort(int index) {
        return LabPorts.SERVER;
    }

    @Override
    public int agentUdpPort(int index) {
        return LabPorts.AGENT_CLIENT;
    }

    @Override
    public String agentEndpoint(int index) {
        return layout.agentEndpoint(index);
    }

    @Override
    public String httpHost(String process) {
        return layout.hostOf(process).map(h -> ipv6 ? h.ipv6() : h.ipv4()).orElse("127.0.0.1");
    }

    @Override
    public List<String> commandPrefix(String process) {
        return layout.hostOf(process)
                .map(h -> List.of("ip", "netns", "exec", h.namespace()))
                .orElse(List.of());
    }

    /** Fixed ports for the agents' server side and the clients' replies, so that faults can tell links apart. */
    @Override
    public List<String> roleArguments(Role role) {
        return switch (role) {
            case AGENT -> List.of("--ringlab.agent.server-port=" + LabPorts.AGENT_SERVER);
            case CLIENT -> List.of("--ringlab.client.reply-port=" + LabPorts.CLIENT_REPLY);
            default -> List.of();
        };
    }

    @Override
    public List<String> javaOptions() {
        return ipv6 ? List.of("-Djava.net.preferIPv6Addresses=true") : List.of();
    }
}
