package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.Reply;
import io.ringlab.protocol.Request;
import io.ringlab.protocol.ServerState;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries, expiry, outlier ejection and health checks, on a virtual clock. */
class SupervisionTest {

    private static final long MS = 1_000_000;
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

    private final Backends backends = new Backends(List.of(
            new HostAndPort("127.0.0.1", 4242),
            new HostAndPort("127.0.0.1", 4243),
            new HostAndPort("127.0.0.1", 4244)));
    private final long[] ids = {1};
    private final PendingRequests pending = new PendingRequests(100, () -> ids[0]++);
    private final SealedStates sealed = new SealedStates();
    private final long[] nonces = {100};
    private final OutlierDetector outliers = new OutlierDetector(backends, 3, 1000 * MS, 8000 * MS);
    private final List<Sent> sent = new ArrayList<>();
    private final HealthChecker health = new HealthChecker(
            backends,
            2,
            (to, datagram) -> sent.add(new Sent(to, datagram)),
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
    private final RequestSupervisor supervisor = new RequestSupervisor(
            pending,
            backends,
            new RoundRobin(),
            outliers,
            (to, datagram) -> sent.add(new Sent(to, datagram)),
            250 * MS,
            3000 * MS,
            2);

    record Sent(InetSocketAddress to, byte[] datagram) {
        long requestId() {
            return ((Request) ((Decoded.Framed) FrameCodec.decode(datagram)).frame()).requestId();
        }
    }

    @Test
    void silentServerMeansOneRetryToAnotherServerAndTheClientGetsExactlyOneReply() {
        Outgoing first = router.fromClient(FrameCodec.encodeRequest(9, new byte[] {1, 2}), CLIENT, 0);
        supervisor.sweep(100 * MS);
        assertThat(sent).as("no retry before the per-try timeout").isEmpty();

        supervisor.sweep(260 * MS);
        assertThat(sent).hasSize(1);
        Sent retry = sent.get(0);
        assertThat(retry.to()).isNotEqualTo(first.destination());
        assertThat(retry.requestId()).isEqualTo(new Sent(first.destination(), first.datagram()).requestId());

        supervisor.sweep(600 * MS);
        assertThat(sent).as("one retry only").hasSize(1);

        byte[] reply = FrameCodec.encodeReply(retry.requestId(), new byte[] {2, 1});
        Outgoing toClient = router.fromServer(reply, retry.to(), 700 * MS);
        assertThat(FrameCodec.decode(toClient.datagram()))
                .isEqualTo(new Decoded.Framed(new Reply(9, new byte[] {2, 1})));
        assertThat(router.fromServer(reply, first.destination(), 800 * MS))
                .as("the late first reply")
                .isNull();
        assertThat(supervisor.retryCount()).isEqualTo(1);
        assertThat(backends.all()).allSatisfy(b -> assertThat(b.outstanding()).isZero());
    }

    @Test
    void requestWithNoReplyAtAllIsGivenUpAtTheRequestTimeout() {
        router.fromClient(FrameCodec.encodeRequest(9, new byte[] {1}), CLIENT, 0);
        supervisor.sweep(300 * MS);
        supervisor.sweep(3001 * MS);
        assertThat(pending.size()).isZero();
        assertThat(supervisor.expiredCount()).isEqualTo(1);
        assertThat(backends.all()).allSatisfy(b -> assertThat(b.outstanding()).isZero());
    }

    @Test
    void serverFailingRequestsInARowIsEjectedForABackoffThatDoublesThenPutBack() {
        outliers.failure(0, 0, 500 * MS);
        outliers.failure(0, 1 * MS, 500 * MS);
        assertThat(backends.get(0).isUp()).isTrue();
        outliers.failure(0, 2 * MS, 500 * MS);
        assertThat(backends.get(0).ejected()).isTrue();
        outliers.tick(1499 * MS);
        assertThat(backends.get(0).ejected()).isTrue();
        outliers.tick(1500 * MS);
        assertThat(backends.get(0).isUp()).isTrue();

        for (int i = 0; i < 3; i++) {
            outliers.failure(0, 1000 * MS + i, 1600 * MS);
        }
        outliers.tick(3599 * MS);
        assertThat(backends.get(0).ejected())
                .as("second ejection in a row lasts 2 s")
                .isTrue();
        outliers.tick(3600 * MS);
        assertThat(backends.get(0).ejected()).isFalse();
        assertThat(outliers.ejectionCount()).isEqualTo(2);
    }

    @Test
    void aReplyResetsTheFailureCountAndTheLastServerUpIsNeverEjected() {
        outliers.failure(1, 1 * MS, 501 * MS);
        outliers.failure(1, 2 * MS, 502 * MS);
        outliers.success(1, 3 * MS);
        outliers.failure(1, 4 * MS, 504 * MS);
        assertThat(backends.get(1).ejected()).isFalse();

        backends.get(0).setUp(false);
        backends.get(2).setUp(false);
        for (int i = 0; i < 10; i++) {
            outliers.failure(1, (10 + i) * MS, (510 + i) * MS);
        }
        assertThat(backends.get(1).isUp()).as("the only server left").isTrue();
    }

    @Test
    void aServerThatStoppedAnsweringIsTakenBackEvenIfItsNewProcessNumbersItsStatesLower() {
        InetSocketAddress server1 = backends.get(1).address();
        router.fromServer(sealed.from(backends.get(1), ServerState.up(1_000)), server1, 0);
        health.tick();
        health.tick();
        health.tick();
        assertThat(backends.get(1).healthy()).as("two pings unanswered").isFalse();
        // restarted, with a clock that stepped back: its sequence is lower than its previous life's
        router.fromServer(sealed.from(backends.get(1), ServerState.up(10)), server1, 0);
        assertThat(backends.get(1).isUp()).isTrue();
        router.fromServer(sealed.from(backends.get(1), ServerState.down(9, 100)), server1, 0);
        assertThat(backends.get(1).isUp())
                .as("older than the state just applied")
                .isTrue();
    }

    @Test
    void missedPingsTakeAServerOutAndAnAnswerPutsItBackCorrectingALostUp() {
        health.tick();
        assertThat(sent)
                .hasSize(3)
                .allSatisfy(s -> assertThat(sealed.pingIn(s.datagram())).isNotNull());
        InetSocketAddress server0 = backends.get(0).address();
        router.fromServer(sealed.from(backends.get(0), ServerState.down(5, 10_000)), server0, 0);
        assertThat(backends.get(0).isUp()).as("announced down").isFalse();

        health.tick();
        health.tick();
        assertThat(backends.get(1).healthy()).as("two pings unanswered").isFalse();
        assertThat(backends.get(0).healthy()).as("server 0 answered").isTrue();

        // the u was lost; the next health answer carries it, echoing the latest ping's nonce
        long latest = nonces[0];
        router.fromServer(sealed.from(backends.get(0), ServerState.up(6).answering(latest - 2)), server0, 0);
        router.fromServer(
                sealed.from(backends.get(1), ServerState.up(1).answering(latest - 1)),
                backends.get(1).address(),
                0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(backends.get(1).isUp()).isTrue();
    }

    @Test
    void anAnswerToAnOlderPingDoesNotCountAsAlive() {
        health.tick();
        long first = nonces[0] - 1;
        health.tick();
        health.tick();
        assertThat(backends.get(1).healthy()).isFalse();
        router.fromServer(
                sealed.from(backends.get(1), ServerState.up(7).answering(first)),
                backends.get(1).address(),
                0);
        assertThat(backends.get(1).healthy())
                .as("late answer to the first ping")
                .isFalse();
        assertThat(drops.count(io.ringlab.protocol.DropReason.STALE)).isEqualTo(1);
    }

    @Test
    void pingsAreSealedForTheirServerWithAnUnpredictableNonceAndNameIt() {
        health.tick();
        for (int i = 0; i < 3; i++) {
            Ping ping = sealed.pingIn(sent.get(i).datagram());
            assertThat(ping.target()).isEqualTo(backends.get(i).name().toString());
            assertThat(ping.nonce()).isEqualTo(101 + i);
        }
    }

    @Test
    void aServerThatStillAnswersRequestsIsTakenOutOnlyAfterSixMissedPings() {
        for (int interval = 1; interval <= 5; interval++) {
            health.tick();
            answerARequestFrom(1, interval * 250 * MS);
        }
        health.tick();
        assertThat(backends.get(1).healthy())
                .as("five pings missed, requests answered")
                .isTrue();
        assertThat(backends.get(0).healthy())
                .as("two pings missed, no request answered")
                .isFalse();
        answerARequestFrom(1, 1500 * MS);
        health.tick();
        assertThat(backends.get(1).healthy()).as("the sixth missed ping").isFalse();
        assertThat(health.markedDownCount()).isEqualTo(3);
    }

    @Test
    void aServerThatStopsAnsweringRequestsTooIsOutAfterTwoQuietMisses() {
        health.tick();
        health.tick();
        answerARequestFrom(2, 500 * MS);
        health.tick();
        assertThat(backends.get(2).healthy())
                .as("two misses, but it answered a request meanwhile")
                .isTrue();
        health.tick();
        assertThat(backends.get(2).healthy()).as("one quiet miss").isTrue();
        health.tick();
        assertThat(backends.get(2).healthy()).as("two quiet misses in a row").isFalse();
    }

    @Test
    void withNoServerInRotationARequestGoesToOneNotInPlannedDowntimeRatherThanNowhere() {
        health.tick();
        health.tick();
        health.tick();
        assertThat(backends.upCount())
                .as("every server missed its pings (the agent itself stalled)")
                .isZero();
        router.fromServer(
                sealed.from(backends.get(0), ServerState.down(5, 10_000)),
                backends.get(0).address(),
                0);

        for (int i = 0; i < 4; i++) {
            Outgoing toServer = router.fromClient(FrameCodec.encodeRequest(i, new byte[] {1}), CLIENT, 0);
            assertThat(toServer).isNotNull();
            assertThat(toServer.destination())
                    .as("never the server in planned downtime")
                    .isNotEqualTo(backends.get(0).address());
        }
        assertThat(backends.panicCount()).isEqualTo(4);

        router.fromServer(
                sealed.from(backends.get(1), ServerState.down(5, 10_000)),
                backends.get(1).address(),
                0);
        router.fromServer(
                sealed.from(backends.get(2), ServerState.down(5, 10_000)),
                backends.get(2).address(),
                0);
        assertThat(router.fromClient(FrameCodec.encodeRequest(9, new byte[] {1}), CLIENT, 0))
                .as("every server in planned downtime")
                .isNull();
        assertThat(drops.count(io.ringlab.protocol.DropReason.NO_SERVER)).isEqualTo(1);
    }

    /** A client request that round robin sends to server {@code server}, answered by it (the others are not). */
    private void answerARequestFrom(int server, long nowNanos) {
        for (int attempt = 0; attempt < backends.size(); attempt++) {
            Outgoing toServer = router.fromClient(FrameCodec.encodeRequest(7, new byte[] {1}), CLIENT, nowNanos);
            if (toServer.destination().equals(backends.get(server).address())) {
                long id = FrameCodec.requestId(toServer.datagram());
                assertThat(router.fromServer(
                                FrameCodec.encodeReply(id, new byte[] {1}), toServer.destination(), nowNanos))
                        .isNotNull();
                return;
            }
        }
        throw new AssertionError("round robin never chose server " + server);
    }
}
