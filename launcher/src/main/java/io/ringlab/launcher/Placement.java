package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;

import java.util.List;

/** Where each process of a run lives and how the others reach it: all on loopback, or each on a host of the lab. */
interface Placement {

    /** Ring server {@code index}'s id: the same string in the ring's peer list and in the agents' server list. */
    String serverId(int index);

    int serverUdpPort(int index);

    int agentUdpPort(int index);

    /** Where load clients send to agent {@code index}. */
    String agentEndpoint(int index);

    /** The address a process's HTTP endpoints listen on, reachable from the launcher. */
    String httpHost(String process);

    /** What runs the process's command where it lives (nothing, or {@code ip netns exec <namespace>}). */
    List<String> commandPrefix(String process);

    /** Settings a role needs in this placement beyond the usual ones. */
    List<String> roleArguments(Role role);

    /** JVM options every service needs in this placement. */
    List<String> javaOptions();
}
