package io.ringlab.agent.discovery;

import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.BackendAccess;
import io.ringlab.agent.routing.Backends;
import io.ringlab.support.discovery.DiscoveryException;
import io.ringlab.support.discovery.SrvName;
import io.ringlab.support.discovery.SrvResolver;
import io.ringlab.support.discovery.SrvTarget;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery on a virtual clock with a scripted DNS. */
class ServerDiscoveryTest {

    private static final long MS = 1_000_000;
    private static final String SRV = "_udp._udp.ring-server.lab.svc.cluster.local";
    private static final long REFRESH = 5000 * MS;
    private static final long GAP = 1000 * MS;
    private static final long DRAIN = 4000 * MS;

    private final ScriptedDns dns = new ScriptedDns();
    private final Backends backends = Backends.withCapacity(3);
    private final long[] wallMillis = {1_700_000_000_000L};
    private final ServerDiscovery discovery = new ServerDiscovery(
            dns, backends, new ServerDiscovery.Settings(SrvName.parse(SRV), REFRESH, GAP, DRAIN), () -> wallMillis[0]);

    @Test
    void serversThatAppear_takeSlots_butNoTrafficBeforeAHealthCheck() {
        dns.answer(target("ring-server-0", 4242, "10.0.0.10"), target("ring-server-1", 4242, "10.0.0.11"));

        assertThat(discovery.tick(0, false)).isTrue();

        assertThat(members())
                .containsExactly(
                        "ring-server-0.ring-server.lab.svc.cluster.local:4242",
                        "ring-server-1.ring-server.lab.svc.cluster.local:4242");
        assertThat(backends.get(0).address()).isEqualTo(new InetSocketAddress("10.0.0.10", 4242));
        assertThat(backends.all()).allSatisfy(backend -> {
            assertThat(backend.discovered()).isTrue();
            assertThat(backend.isUp())
                    .as("not in rotation before it answers a sealed ping")
                    .isFalse();
        });
        assertThat(backends.notInPlannedDowntime().isUp(0))
                .as("nor for panic routing")
                .isFalse();
        assertThat(discovery.discoveryStatus().lastOk()).isTrue();
        assertThat(discovery.discoveryStatus().lastResolutionAt()).isEqualTo(wallMillis[0]);
        assertThat(discovery.discoveryStatus().lastOutcome()).isEqualTo("2 servers");
    }

    @Test
    void aServerThatDisappears_leavesRotation_andKeepsItsSlotUntilDrained() {
        dns.answer(target("ring-server-0", 4242, "10.0.0.10"), target("ring-server-1", 4242, "10.0.0.11"));
        discovery.tick(0, false);
        Backend leaving = backends.get(1);
        inFlight(leaving);

        dns.answer(target("ring-server-0", 4242, "10.0.0.10"));
        discovery.tick(REFRESH, false);

        assertThat(leaving.leaving()).isTrue();
        assertThat(leaving.isUp()).isFalse();
        assertThat(backends.count()).isEqualTo(1);
        assertThat(backends.byAddress(new InetSocketAddress("10.0.0.11", 4242)))
                .as("its replies are still taken")
                .isSameAs(leaving);

        discovery.tick(REFRESH + DRAIN + GAP, false);
        assertThat(backends.get(1))
                .as("a request still in flight keeps the slot")
                .isSameAs(leaving);

        settle(leaving);
        discovery.tick(REFRESH + DRAIN + 2 * GAP, false);
        assertThat(backends.get(1)).as("drained: the slot is free").isNull();
        assertThat(backends.size()).isEqualTo(1);
    }

    @Test
    void aSlotIsReusedOnlyAfterItsServerDrained() {
        dns.answer(target("a", 4242, "10.0.0.1"), target("b", 4242, "10.0.0.2"), target("c", 4242, "10.0.0.3"));
        discovery.tick(0, false);
        Backend b = backends.get(1);

        dns.answer(target("a", 4242, "10.0.0.1"), target("c", 4242, "10.0.0.3"), target("d", 4242, "10.0.0.4"));
        discovery.tick(REFRESH, false);
        assertThat(backends.get(1)).as("b left but has not drained: d waits").isSameAs(b);
        assertThat(members()).doesNotContain("d.ring-server.lab.svc.cluster.local:4242");
        assertThat(discovery.discoveryStatus().lastOutcome()).contains("1 left out: no free slot of 3");

        discovery.tick(REFRESH + DRAIN - MS, true);
        assertThat(backends.get(1)).isSameAs(b);

        discovery.tick(REFRESH + DRAIN + GAP, true); // failing: asks again once the gap is over
        Backend d = backends.get(1);
        assertThat(d).isNotSameAs(b);
        assertThat(d.memberId()).isEqualTo("d.ring-server.lab.svc.cluster.local:4242");
        assertThat(d.index()).isEqualTo(1);
    }

    @Test
    void aFailedQuery_orAnAnswerWithNoUsableServer_keepsTheLastGoodSet() {
        dns.answer(target("ring-server-0", 4242, "10.0.0.10"));
        discovery.tick(0, false);

        dns.fail("no answer from DNS");
        assertThat(discovery.tick(REFRESH, false)).isTrue();
        assertThat(members()).containsExactly("ring-server-0.ring-server.lab.svc.cluster.local:4242");
        assertThat(backends.get(0).leaving()).isFalse();
        assertThat(discovery.discoveryStatus().lastOk()).isFalse();
        assertThat(discovery.discoveryStatus().lastOutcome()).contains("no answer from DNS");

        dns.answer();
        discovery.tick(REFRESH + GAP, false);
        assertThat(backends.get(0).leaving())
                .as("an empty answer is not applied")
                .isFalse();

        dns.answer(new SrvTarget("evil.example.com", 4242, address("10.6.6.6")));
        discovery.tick(REFRESH + 2 * GAP, false);
        assertThat(backends.get(0).leaving())
                .as("nor one with no usable server")
                .isFalse();
        assertThat(discovery.failureCount()).isEqualTo(3);
        assertThat(discovery.resolutionCount()).isEqualTo(1);
    }

    @Test
    void dnsIsAsked_everyRefresh_andOnFailure_atMostOncePerGap() {
        dns.answer(target("ring-server-0", 4242, "10.0.0.10"));
        discovery.tick(0, false);
        assertThat(discovery.tick(REFRESH - MS, false)).as("before the refresh").isFalse();
        assertThat(discovery.tick(REFRESH, false)).isTrue();

        assertThat(discovery.tick(REFRESH + GAP - MS, true))
                .as("a failure, within the gap")
                .isFalse();
        assertThat(discovery.tick(REFRESH + GAP, true))
                .as("a failure, after the gap")
                .isTrue();
        assertThat(discovery.tick(REFRESH + GAP + 10 * MS, true)).isFalse();

        dns.fail("timeout");
        assertThat(discovery.tick(REFRESH + 2 * GAP, true)).isTrue();
        assertThat(discovery.tick(REFRESH + 3 * GAP, false))
                .as("a failed query is tried again after the gap")
                .isTrue();
        assertThat(dns.queries).isEqualTo(5);
    }

    @Test
    void dnsCannotMakeTheAgentTakeMoreServersThanItsCapacity_norHostsOutsideTheService() throws Exception {
        List<SrvTarget> many = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            many.add(target("ring-server-" + i, 4242, "10.0.0." + (10 + i)));
        }
        many.add(new SrvTarget("x.other.lab.svc.cluster.local", 4242, address("10.0.0.99")));
        many.add(new SrvTarget("a.b.ring-server.lab.svc.cluster.local", 4242, address("10.0.0.98")));
        many.add(new SrvTarget("nameless.ring-server.lab.svc.cluster.local", 4242, null));
        many.add(new SrvTarget("zero.ring-server.lab.svc.cluster.local", 0, address("10.0.0.97")));
        many.add(new SrvTarget("any.ring-server.lab.svc.cluster.local", 4242, InetAddress.getByName("0.0.0.0")));
        String longest = "x".repeat(63) + "." + "y".repeat(63) + "." + "z".repeat(63) + "." + "w".repeat(57);
        SrvName longDomain = SrvName.parse("_udp._udp." + longest);
        assertThat(longDomain.accepts("p." + longest))
                .as("a valid name, but too long for a ping")
                .isTrue();
        dns.answer(many.toArray(SrvTarget[]::new));

        discovery.tick(0, false);

        assertThat(members())
                .as("the first by name")
                .containsExactly(
                        "ring-server-0.ring-server.lab.svc.cluster.local:4242",
                        "ring-server-1.ring-server.lab.svc.cluster.local:4242",
                        "ring-server-2.ring-server.lab.svc.cluster.local:4242");
        assertThat(discovery.ignoredCount()).as("5 refused, 7 with no slot").isEqualTo(12);

        ServerDiscovery underLongDomain = new ServerDiscovery(
                dns, Backends.withCapacity(3), new ServerDiscovery.Settings(longDomain, REFRESH, GAP, DRAIN), () -> 0L);
        dns.answer(new SrvTarget("p." + longest, 4242, address("10.0.0.1")));
        underLongDomain.tick(0, false);
        assertThat(underLongDomain.ignoredCount())
                .as("member id over 255 bytes")
                .isEqualTo(1);
    }

    @Test
    void aServerAtANewAddress_isSentThere_andOneBackBeforeItsSlotWasFreed_rejoins() {
        dns.answer(target("ring-server-0", 4242, "10.0.0.10"), target("ring-server-1", 4242, "10.0.0.11"));
        discovery.tick(0, false);
        Backend first = backends.get(0);

        dns.answer(target("ring-server-0", 4242, "10.0.0.20"));
        discovery.tick(REFRESH, false);
        assertThat(first.address()).isEqualTo(new InetSocketAddress("10.0.0.20", 4242));
        assertThat(backends.get(1).leaving()).isTrue();

        dns.answer(target("ring-server-0", 4242, "10.0.0.20"), target("ring-server-1", 4242, "10.0.0.21"));
        discovery.tick(2 * REFRESH, false);
        Backend back = backends.get(1);
        assertThat(back.leaving()).isFalse();
        assertThat(back.address()).isEqualTo(new InetSocketAddress("10.0.0.21", 4242));
        assertThat(back.isUp()).as("again only after a health check").isFalse();
        assertThat(backends.notInPlannedDowntime().isUp(1))
                .as("nor for panic routing")
                .isFalse();
    }

    private List<String> members() {
        return backends.all().stream()
                .filter(backend -> !backend.leaving())
                .map(Backend::memberId)
                .toList();
    }

    /** A request out with the server, through the same counters the router uses. */
    private static void inFlight(Backend backend) {
        BackendAccess.sent(backend);
    }

    private static void settle(Backend backend) {
        BackendAccess.settled(backend);
    }

    private static SrvTarget target(String pod, int port, String address) {
        return new SrvTarget(pod + ".ring-server.lab.svc.cluster.local", port, address(address));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static final class ScriptedDns implements SrvResolver {

        private List<SrvTarget> answer = List.of();
        private String failure;
        int queries;

        void answer(SrvTarget... targets) {
            answer = List.of(targets);
            failure = null;
        }

        void fail(String why) {
            failure = why;
        }

        @Override
        public List<SrvTarget> resolve(String srvName) throws DiscoveryException {
            queries++;
            if (failure != null) {
                throw new DiscoveryException(failure);
            }
            return answer;
        }
    }
}
