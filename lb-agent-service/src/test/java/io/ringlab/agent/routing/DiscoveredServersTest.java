package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.ServerState;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Servers that come and go in the slot table, seen by the health checks, the router and outlier detection. */
class DiscoveredServersTest {

    private static final long MS = 1_000_000;
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final HostAndPort A = new HostAndPort("a.ring-server.lab.svc.cluster.local", 4242);
    private static final HostAndPort B = new HostAndPort("b.ring-server.lab.svc.cluster.local", 4242);
    private static final HostAndPort C = new HostAndPort("c.ring-server.lab.svc.cluster.local", 4242);

    private final Backends backends = Backends.withCapacity(2);
    private final long[] ids = {1};
    private final PendingRequests pending = new PendingRequests(100, () -> ids[0]++);
    private final SealedStates sealed = new SealedStates();
    private final long[] nonces = {100};
    private final OutlierDetector outliers = new OutlierDetector(backends, 2, 1000 * MS, 8000 * MS);
    private final List<byte[]> pings = new ArrayList<>();
    private final HealthChecker health = new HealthChecker(
            backends,
            2,
            (to, datagram) -> pings.add(datagram),
            sealed.agentSealer,
            SealedStates.AGENT,
            () -> ++nonces[0]);
    private final DropCounter drops = new DropCounter();
    private final RequestRouter router = new RequestRouter(
            backends,
            new RoundRobin(),
            pending,
            new AgentStatistics(),
            drops,
            true,
            new SourceRateLimiter(0, 1),
            outliers,
            new ServerStateReceiver(sealed.authenticator, SealedStates.AGENT, backends, health, drops),
            1472,
            null); // no retry budget

    @Test
    void aDiscoveredServerGetsNoRequestUntilItAnswersASealedPing() {
        Backend a = backends.add(A, new InetSocketAddress("127.0.0.1", 5001));

        assertThat(request(0)).as("not even by panic routing").isNull();
        assertThat(drops.count(DropReason.NO_SERVER)).isEqualTo(1);

        router.fromServer(sealed.from(a, ServerState.up(1)), a.address(), 0);
        assertThat(a.isUp()).as("an announcement is not the answer to a ping").isFalse();

        health.tick();
        Ping ping = sealed.pingIn(pings.get(0));
        assertThat(ping.target()).isEqualTo("a.ring-server.lab.svc.cluster.local:4242");
        router.fromServer(sealed.from(a, ServerState.up(2).answering(ping.nonce())), a.address(), 0);

        assertThat(a.isUp()).isTrue();
        assertThat(request(MS).destination()).isEqualTo(a.address());
    }

    @Test
    void aServerThatLeaves_getsNoNewRequest_butItsRequestInFlightIsAnswered() {
        Backend a = checkedIn(A, 5001);
        Backend b = checkedIn(B, 5002);
        Outgoing toA = request(0);
        assertThat(toA.destination()).isEqualTo(a.address());

        backends.leave(a, MS);
        pings.clear();
        health.tick();
        assertThat(pings).as("a server leaving is not pinged").hasSize(1);
        for (int i = 0; i < 3; i++) {
            assertThat(request(2 * MS + i).destination()).isEqualTo(b.address());
        }

        byte[] reply = FrameCodec.encodeReply(FrameCodec.requestId(toA.datagram()), new byte[] {1});
        assertThat(router.fromServer(reply, a.address(), 3 * MS))
                .as("its reply still reaches the client")
                .isNotNull();
        assertThat(a.outstanding()).isZero();
        assertThat(backends.freeDrained(4 * MS, 0)).isEqualTo(1);
        assertThat(backends.get(0)).isNull();
    }

    @Test
    void aServerInAReusedSlot_startsWithNoneOfItsPredecessorsHealthOrFailures() {
        Backend a = checkedIn(A, 5001);
        checkedIn(B, 5002);
        outliers.failure(0, 0, 10 * MS); // one failure short of an ejection
        backends.leave(a, 20 * MS);
        backends.freeDrained(30 * MS, 0);

        Backend c = backends.add(C, new InetSocketAddress("127.0.0.1", 5003));
        assertThat(c.index()).isEqualTo(0);
        long aNonce = nonces[0] - 1; // the last tick pinged a, then b
        router.fromServer(sealed.from(c, ServerState.up(3).answering(aNonce)), c.address(), 0);
        assertThat(c.isUp()).as("an answer to a ping sent to a is not c's").isFalse();

        checkedIn(C, 5003);
        outliers.failure(0, 40 * MS, 50 * MS);
        assertThat(outliers.ejectionCount())
                .as("a's failure is not counted against c")
                .isZero();
        outliers.failure(0, 60 * MS, 70 * MS);
        assertThat(outliers.ejectionCount()).as("c's own two are").isEqualTo(1);
    }

    @Test
    void aServerAtTheAddressOfOneThatLeft_isTheOneThatAnswersFromIt() {
        Backend a = checkedIn(A, 5001);
        backends.leave(a, MS);
        Backend b = checkedIn(B, 5001); // a new pod got the old one's address

        Outgoing toB = request(2 * MS);
        assertThat(toB.destination()).isEqualTo(b.address());
        byte[] reply = FrameCodec.encodeReply(FrameCodec.requestId(toB.datagram()), new byte[] {1});
        assertThat(router.fromServer(reply, b.address(), 3 * MS)).isNotNull();
        assertThat(backends.byAddress(a.address())).isSameAs(b);
    }

    @Test
    void aServerBackBeforeItsSlotWasFreed_isCheckedAgainBeforeItGetsRequests() {
        Backend a = checkedIn(A, 5001);
        backends.leave(a, MS);
        backends.rejoin(a);

        assertThat(a.isUp()).isFalse();
        assertThat(backends.notInPlannedDowntime().isUp(a.index()))
                .as("nor for panic routing")
                .isFalse();
        router.fromServer(sealed.from(a, ServerState.up(5)), a.address(), 0);
        assertThat(a.isUp()).as("an announcement is not the answer to a ping").isFalse();
        assertThat(checkedIn(A, 5001)).isSameAs(a);
    }

    @Test
    void theTableHoldsNoMoreThanItsCapacity() {
        backends.add(A, new InetSocketAddress("127.0.0.1", 5001));
        backends.add(B, new InetSocketAddress("127.0.0.1", 5002));

        assertThat(backends.add(C, new InetSocketAddress("127.0.0.1", 5003))).isNull();
        assertThat(backends.size()).isEqualTo(2);
    }

    private Backend checkedIn(HostAndPort name, int port) {
        Backend known = backends.byName(name.toString());
        Backend backend = known != null ? known : backends.add(name, new InetSocketAddress("127.0.0.1", port));
        pings.clear();
        health.tick();
        for (byte[] datagram : pings) {
            Ping ping = sealed.pingIn(datagram);
            if (ping.target().equals(backend.memberId())) {
                router.fromServer(
                        sealed.from(backend, ServerState.up(1).answering(ping.nonce())), backend.address(), 0);
            }
        }
        assertThat(backend.isUp()).isTrue();
        return backend;
    }

    private Outgoing request(long nowNanos) {
        return router.fromClient(FrameCodec.encodeRequest(9, new byte[] {1, 2}), CLIENT, nowNanos);
    }
}
