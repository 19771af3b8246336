package io.ringlab.launcher.lab.layout;

import java.util.List;

/**
 * One host of the lab: a network namespace with an address of its own on the lab's bridge.
 *
 * @param name      the host's name in the lab's zone ({@code server-1}, {@code client-2})
 * @param namespace the network namespace it is ({@code rl3fa2-server-1})
 * @param ipv4      its address
 * @param ipv6      its IPv6 address, or {@code null} when the lab runs on IPv4 only
 * @param processes the RingLab processes it runs ({@code client-1}, {@code agent-1})
 */
public record LabHost(String name, String namespace, String ipv4, String ipv6, List<String> processes) {

    public LabHost {
        processes = List.copyOf(processes);
    }

    /** Every address of the host. */
    public List<String> addresses() {
        return ipv6 == null ? List.of(ipv4) : List.of(ipv4, ipv6);
    }
}
