package io.ringlab.system;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.support.discovery.DnsmasqServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An agent that finds its ring servers in a real DNS server (dnsmasq on an ephemeral port, serving the SRV records
 * Kubernetes publishes for a headless Service) follows a server added and one removed, with real ring servers whose
 * ring ids are their pods' DNS names, as in {@code k8s/}: the agent's member id for a discovered server, the SRV
 * target with its port, is the name the server seals its answers under.
 */
class DiscoveryTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final String DOMAIN = "ring-server.lab.svc.cluster.local";
    private static final String SRV = "_udp._udp." + DOMAIN;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeforeAll
    static void needsDnsmasq() {
        assumeTrue(DnsmasqServer.executable() != null, "dnsmasq is not installed (bin/install-deps test)");
    }

    @Test
    void theAgentFollowsServersAddedToAndRemovedFromDns() throws Exception {
        int base = FreePorts.udpBlock(new Random(SEED), 0, 1, 2);
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> "ring-server-%d.%s:%d".formatted(i, DOMAIN, base + i))
                .toList();
        try (DnsmasqServer dns = DnsmasqServer.start(records(base, 0, 1));
                Cluster cluster = new Cluster()) {
            List<RunningService> servers = IntStream.range(0, 3)
                    .mapToObj(i -> cluster.server(
                            "ring-server-" + i,
                            "--ringlab.server.port=" + (base + i),
                            "--ringlab.server.ring.self=" + ids.get(i),
                            "--ringlab.server.ring.peers=" + String.join(",", ids),
                            "--ringlab.server.ring.periodic=false"))
                    .toList();
            RunningService agent = cluster.agentTo(
                    "agent-1",
                    "",
                    "--ringlab.agent.discovery.srv=" + SRV,
                    "--ringlab.agent.discovery.dns-server=" + dns.address(),
                    "--ringlab.agent.discovery.refresh=1s",
                    "--ringlab.agent.request-timeout=1s",
                    "--ringlab.agent.retry.per-try-timeout=200ms");
            cluster.client("client-1", Cluster.address(agent), "--ringlab.client.threads=4");

            await("servers 0 and 1 found and checked (seed " + SEED + ")")
                    .atMost(PATIENCE)
                    .until(() -> upMembers(agent).equals(ids.subList(0, 2)));
            awaitServing(servers.get(0));
            awaitServing(servers.get(1));
            assertThat(servers.get(2).serverStatus().requestsReceived())
                    .as("server 2 is not in DNS yet")
                    .isZero();

            dns.serve(records(base, 0, 1, 2));
            await("server 2 added")
                    .atMost(PATIENCE)
                    .until(() -> upMembers(agent).equals(ids));
            awaitServing(servers.get(2));

            dns.serve(records(base, 0, 2));
            await("server 1 removed")
                    .atMost(PATIENCE)
                    .until(() -> agent.agentStatus().servers().stream()
                            .anyMatch(share -> share.server().equals(ids.get(1))
                                    && share.state().equals("leaving")));
            await("and its slot freed once drained")
                    .atMost(PATIENCE)
                    .until(() -> agent.agentStatus().servers().stream()
                            .noneMatch(share -> share.server().equals(ids.get(1))));
            long servedByOne = servers.get(1).serverStatus().requestsReceived();
            awaitServing(servers.get(0));
            awaitServing(servers.get(2));
            assertThat(servers.get(1).serverStatus().requestsReceived())
                    .as("no request for server 1 once it left")
                    .isEqualTo(servedByOne);
            assertThat(upMembers(agent)).containsExactly(ids.get(0), ids.get(2));

            AgentStatus status = agent.agentStatus();
            assertThat(status.discovery().srv()).isEqualTo(SRV);
            assertThat(status.discovery().lastOk()).isTrue();
            assertThat(status.discovery().lastResolutionAt()).isPositive();
            assertThat(status.servers())
                    .extracting(AgentStatus.ServerShare::server)
                    .containsExactly(ids.get(0), ids.get(2));
            assertThat(agent.metric("ringlab_agent_discovery_servers")).isEqualTo(2);
            assertThat(agent.findMetric("ringlab_agent_server_up", "server", ids.get(1)))
                    .as("the meters of a server gone go with it")
                    .isEmpty();
            assertThat(agent.findMetric("ringlab_agent_server_up", "server", ids.get(0)))
                    .isPresent();
        }
    }

    private static List<DnsmasqServer.Record> records(int base, int... servers) {
        return IntStream.of(servers)
                .mapToObj(i ->
                        new DnsmasqServer.Record(SRV, "ring-server-%d.%s".formatted(i, DOMAIN), base + i, "127.0.0.1"))
                .toList();
    }

    private static List<String> upMembers(RunningService agent) {
        return agent.agentStatus().servers().stream()
                .filter(AgentStatus.ServerShare::up)
                .map(AgentStatus.ServerShare::server)
                .sorted()
                .toList();
    }

    private static void awaitServing(RunningService server) {
        long before = server.serverStatus().requestsReceived();
        await(server.name() + " gets requests")
                .atMost(PATIENCE)
                .until(() -> server.serverStatus().requestsReceived() > before);
    }
}
