package io.ringlab.model.topology;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterArgumentsTest {

    private static final List<String> RING = List.of("127.0.0.1:4242", "127.0.0.1:4243", "127.0.0.1:4244");

    @Test
    void aServerKnowsItsNamePortItsIdAndTheRingInOrder() {
        ServiceArguments server = ClusterArguments.server("server-2", 4243, "127.0.0.1:4243", RING)
                .with(ClusterArguments.RING_DOWNTIME, Duration.ofSeconds(2))
                .with(ClusterArguments.RING_PERIODIC, false);

        assertThat(server.toList())
                .containsExactly(
                        "--ringlab.server.name=server-2",
                        "--ringlab.server.port=4243",
                        "--ringlab.server.ring.self=127.0.0.1:4243",
                        "--ringlab.server.ring.peers=127.0.0.1:4242,127.0.0.1:4243,127.0.0.1:4244",
                        "--ringlab.server.ring.downtime=2000ms",
                        "--ringlab.server.ring.periodic=false");
    }

    @Test
    void aServerWhoseIdIsNotInTheRingIsRefused() {
        assertThatThrownBy(() -> ClusterArguments.server("server-9", 4249, "127.0.0.1:4249", RING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:4249");
    }

    @Test
    void anAgentAndAClientAndTheirExtraArgumentsInOrderLeavingEmptyOnesOut() {
        ServiceArguments agent = ClusterArguments.agent("agent-1", 0, RING).and("", "--ringlab.transport.kind=nio");
        ServiceArguments client = ClusterArguments.client("client-1", "127.0.0.1:5000")
                .withIf(false, ClusterArguments.CLIENT_THREADS, 7)
                .withIf(true, ClusterArguments.CLIENT_THREADS, 3);

        assertThat(agent.toArray())
                .containsExactly(
                        "--ringlab.agent.name=agent-1",
                        "--ringlab.agent.client-port=0",
                        "--ringlab.agent.servers=127.0.0.1:4242,127.0.0.1:4243,127.0.0.1:4244",
                        "--ringlab.transport.kind=nio");
        assertThat(client.toList())
                .containsExactly(
                        "--ringlab.client.name=client-1",
                        "--ringlab.client.agent=127.0.0.1:5000",
                        "--ringlab.client.threads=3");
        assertThat(agent.sets("ringlab.transport")).isTrue();
        assertThat(agent.sets("ringlab.agent.retry")).isFalse();
    }

    @Test
    void theDashboardWatchesEachServiceByNameAndUrlInItsList() {
        ServiceArguments dashboard = ClusterArguments.watch(
                ClusterArguments.watch(ClusterArguments.dashboard(), "servers", 0, "server-1", "http://127.0.0.1:8081"),
                "agents",
                0,
                "agent-1",
                "http://[::1]:8082");

        assertThat(dashboard.toList())
                .containsExactly(
                        "--ringlab.dashboard.servers[0].name=server-1",
                        "--ringlab.dashboard.servers[0].url=http://127.0.0.1:8081",
                        "--ringlab.dashboard.agents[0].name=agent-1",
                        "--ringlab.dashboard.agents[0].url=http://[::1]:8082");
        assertThatThrownBy(() -> ClusterArguments.watch(ClusterArguments.dashboard(), "nginx", 0, "n", "http://x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nginx");
    }

    @Test
    void anIpv6HostIsBracketedOnce() {
        assertThat(ClusterArguments.hostPort("::1", 80)).isEqualTo("[::1]:80");
        assertThat(ClusterArguments.hostPort("[::1]", 80)).isEqualTo("[::1]:80");
        assertThat(ClusterArguments.hostPort("10.0.0.1", 80)).isEqualTo("10.0.0.1:80");
    }
}
