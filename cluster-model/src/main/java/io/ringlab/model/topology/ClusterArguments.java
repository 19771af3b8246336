package io.ringlab.model.topology;

import java.util.List;

/**
 * What makes a cluster out of RingLab services, written once: a ring server knows its name, its port, its ring id
 * and the ring's ids in ring order; an agent its name, its client-facing port and the servers; a client its agent;
 * the dashboard each service it watches. The launcher, the bench and the system tests all start services with these.
 */
public final class ClusterArguments {

    public static final String SERVER_NAME = "ringlab.server.name";
    public static final String SERVER_PORT = "ringlab.server.port";
    public static final String RING_SELF = "ringlab.server.ring.self";
    public static final String RING_PEERS = "ringlab.server.ring.peers";
    public static final String RING_PERIODIC = "ringlab.server.ring.periodic";
    public static final String RING_ELECTION_INTERVAL = "ringlab.server.ring.election-interval";
    public static final String RING_DOWNTIME = "ringlab.server.ring.downtime";
    public static final String AGENT_NAME = "ringlab.agent.name";
    public static final String AGENT_CLIENT_PORT = "ringlab.agent.client-port";
    public static final String AGENT_SERVERS = "ringlab.agent.servers";
    public static final String AGENT_MAX_TRIES = "ringlab.agent.retry.max-tries";
    public static final String CLIENT_NAME = "ringlab.client.name";
    public static final String CLIENT_AGENT = "ringlab.client.agent";
    public static final String CLIENT_THREADS = "ringlab.client.threads";
    public static final String TRANSPORT_KIND = "ringlab.transport.kind";
    public static final String DASHBOARD_LAB_URL = "ringlab.dashboard.lab-url";

    private ClusterArguments() {}

    /**
     * A ring server.
     *
     * @param self  its ring id, {@code host:port}, as it appears in {@code ring}
     * @param ring  every server's ring id, in ring order
     */
    public static ServiceArguments server(String name, int udpPort, String self, List<String> ring) {
        if (!ring.contains(self)) {
            throw new IllegalArgumentException(self + " is not in the ring " + ring);
        }
        return ServiceArguments.of()
                .with(SERVER_NAME, name)
                .with(SERVER_PORT, udpPort)
                .with(RING_SELF, self)
                .with(RING_PEERS, ring);
    }

    /** An agent balancing over {@code servers} ({@code host:port} each); port 0 for a free one. */
    public static ServiceArguments agent(String name, int clientPort, List<String> servers) {
        return ServiceArguments.of()
                .with(AGENT_NAME, name)
                .with(AGENT_CLIENT_PORT, clientPort)
                .with(AGENT_SERVERS, servers);
    }

    /** A load client sending to {@code agent} ({@code host:port}: an agent, or anything that answers like one). */
    public static ServiceArguments client(String name, String agent) {
        return ServiceArguments.of().with(CLIENT_NAME, name).with(CLIENT_AGENT, agent);
    }

    /** The dashboard, watching nothing yet: add services with {@link #watch}. */
    public static ServiceArguments dashboard() {
        return ServiceArguments.of();
    }

    /**
     * These dashboard arguments and one more watched service.
     *
     * @param list  {@code servers}, {@code agents} or {@code clients}
     * @param index the service's place in that list, from 0
     */
    public static ServiceArguments watch(ServiceArguments dashboard, String list, int index, String name, String url) {
        if (!List.of("servers", "agents", "clients").contains(list)) {
            throw new IllegalArgumentException("no dashboard list " + list);
        }
        String prefix = "ringlab.dashboard.%s[%d].".formatted(list, index);
        return dashboard.with(prefix + "name", name).with(prefix + "url", url);
    }

    /** {@code host:port}, an IPv6 host in brackets. */
    public static String hostPort(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
