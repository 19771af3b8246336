package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;

import java.util.List;

/** Every process on 127.0.0.1, on the ports of the run's options. */
record LoopbackPlacement(LaunchOptions options) implements Placement {

    @Override
    public String serverId(int index) {
        return "127.0.0.1:" + options.serverUdpPort(index);
    }

    @Override
    public int serverUdpPort(int index) {
        return options.serverUdpPort(index);
    }

    @Override
    public int agentUdpPort(int index) {
        return options.agentUdpPort(index);
    }

    @Override
    public String agentEndpoint(int index) {
        return "127.0.0.1:" + options.agentUdpPort(index);
    }

    @Override
    public String httpHost(String process) {
        return "127.0.0.1";
    }

    @Override
    public List<String> commandPrefix(String process) {
        return List.of();
    }

    @Override
    public List<String> roleArguments(Role role) {
        return List.of();
    }

    @Override
    public List<String> javaOptions() {
        return List.of();
    }
}
