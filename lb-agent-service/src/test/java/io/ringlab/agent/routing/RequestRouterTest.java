package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.Reply;
import io.ringlab.protocol.Request;
import io.ringlab.protocol.ServerState;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRouterTest {

    private static final InetSocketAddress CLIENT_V6 = new InetSocketAddress("::1", 40000);
    private static final InetSocketAddress CLIENT_V4 = new InetSocketAddress("127.0.0.2", 40000);

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4242);

    private final Backends backends =
            new Backends(List.of(new HostAndPort("127.0.0.1", 4242), new HostAndPort("127.0.0.1", 4243)));
    private final DropCounter drops = new DropCounter();
    private final AgentStatistics statistics = new AgentStatistics();
    private final OutlierDetector outliers = new OutlierDetector(backends, 5, 1_000_000_000L, 30_000_000_000L);
    private final SealedStates sealed = new SealedStates();
    private final HealthChecker health =
            new HealthChecker(backends, 2, (to, datagram) -> {}, sealed.agentSealer, SealedStates.AGENT, () -> 5);
    private final ServerStateReceiver states =
            new ServerStateReceiver(sealed.authenticator, SealedStates.AGENT, backends, health, drops);
    private final RequestRouter router = router(true, new SourceRateLimiter(0, 1));

    private RequestRouter router(boolean acceptRaw, SourceRateLimiter rawRate) {
        long[] ids = {1};
        return new RequestRouter(
                backends,
                new RoundRobin(),
                new PendingRequests(100, () -> ids[0]++),
                statistics,
                drops,
                acceptRaw,
                rawRate,
                outliers,
                states,
                1472,
                null); // no retry budget
    }

    @Test
    void framedRequestGoesToAServerUnderTheAgentsIdAndTheReplyBackToThatClientUnderItsId() {
        Outgoing toServer = router.fromClient(FrameCodec.encode(new Request(77, new byte[] {1, 2, 3})), CLIENT_V6, 0);
        assertThat(toServer.destination()).isEqualTo(backends.get(0).address());
        Request forwarded = (Request) ((Decoded.Framed) FrameCodec.decode(toServer.datagram())).frame();
        assertThat(forwarded.payload()).containsExactly(1, 2, 3);

        Outgoing toClient =
                router.fromServer(FrameCodec.encodeReply(forwarded.requestId(), new byte[] {3, 2, 1}), SERVER, 0);
        assertThat(toClient.destination()).isEqualTo(CLIENT_V6);
        assertThat(FrameCodec.decode(toClient.datagram()))
                .isEqualTo(new Decoded.Framed(new Reply(77, new byte[] {3, 2, 1})));
    }

    @Test
    void eachTakenReplyReportsItsServerSlotAndTheTimeSinceItsTryWasSent() {
        List<long[]> reported = new java.util.ArrayList<>();
        router.reportReplyTimesTo((server, nanos) -> reported.add(new long[] {server, nanos}));
        router.fromClient(FrameCodec.encodeRequest(1, new byte[] {1}), CLIENT_V4, 1_000);
        Outgoing second = router.fromClient(FrameCodec.encodeRequest(2, new byte[] {2}), CLIENT_V4, 2_000);
        long id = ((Request) ((Decoded.Framed) FrameCodec.decode(second.datagram())).frame()).requestId();

        router.fromServer(FrameCodec.encodeReply(id, new byte[] {2}), second.destination(), 352_000);
        router.fromServer(FrameCodec.encodeReply(id, new byte[] {2}), second.destination(), 400_000); // duplicate

        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).containsExactly(1, 350_000);
    }

    @Test
    void concurrentClientsWithTheSameRequestIdEachGetTheirOwnReply() {
        Outgoing first = router.fromClient(FrameCodec.encodeRequest(1, new byte[] {1}), CLIENT_V6, 0);
        Outgoing second = router.fromClient(FrameCodec.encodeRequest(1, new byte[] {2}), CLIENT_V4, 0);
        long secondId = ((Request) ((Decoded.Framed) FrameCodec.decode(second.datagram())).frame()).requestId();
        long firstId = ((Request) ((Decoded.Framed) FrameCodec.decode(first.datagram())).frame()).requestId();

        assertThat(router.fromServer(FrameCodec.encodeReply(secondId, new byte[] {2}), second.destination(), 0)
                        .destination())
                .isEqualTo(CLIENT_V4);
        assertThat(router.fromServer(FrameCodec.encodeReply(firstId, new byte[] {1}), first.destination(), 0)
                        .destination())
                .isEqualTo(CLIENT_V6);
    }

    @Test
    void rawRequestGetsARawReply() {
        Outgoing toServer = router.fromClient(new byte[] {1, 2, 3}, CLIENT_V4, 0);
        long id = ((Request) ((Decoded.Framed) FrameCodec.decode(toServer.datagram())).frame()).requestId();
        Outgoing toClient = router.fromServer(FrameCodec.encodeReply(id, new byte[] {3, 2, 1}), SERVER, 0);
        assertThat(toClient.datagram()).containsExactly(3, 2, 1);
        assertThat(statistics.rawRequests()).isEqualTo(1);
    }

    @Test
    void duplicateReplyIsDroppedAsUnknown() {
        Outgoing toServer = router.fromClient(FrameCodec.encodeRequest(5, new byte[] {1}), CLIENT_V4, 0);
        long id = ((Request) ((Decoded.Framed) FrameCodec.decode(toServer.datagram())).frame()).requestId();
        assertThat(router.fromServer(FrameCodec.encodeReply(id, new byte[] {1}), SERVER, 0))
                .isNotNull();
        assertThat(router.fromServer(FrameCodec.encodeReply(id, new byte[] {1}), SERVER, 0))
                .isNull();
        assertThat(drops.count(DropReason.UNKNOWN_REQUEST)).isEqualTo(1);
    }

    @Test
    void noServerUpDropsTheRequest() {
        backends.get(0).setUp(false);
        backends.get(1).setUp(false);
        assertThat(router.fromClient(FrameCodec.encodeRequest(5, new byte[] {1}), CLIENT_V4, 0))
                .isNull();
        assertThat(drops.count(DropReason.NO_SERVER)).isEqualTo(1);
    }

    @Test
    void wrongFrameTypesAreDroppedOnBothSides() {
        assertThat(router.fromClient(FrameCodec.encodeReply(1, new byte[] {1}), CLIENT_V4, 0))
                .isNull();
        assertThat(router.fromServer(FrameCodec.encodeRequest(1, new byte[] {1}), SERVER, 0))
                .isNull();
        assertThat(router.fromServer(new byte[] {1, 2, 3}, SERVER, 0)).isNull();
        assertThat(drops.count(DropReason.UNEXPECTED_TYPE)).isEqualTo(2);
        assertThat(drops.count(DropReason.NOT_A_FRAME)).isEqualTo(1);
    }

    @Test
    void serverStateTakesTheServerOutOfRotationAtOnceAndBack() {
        assertThat(router.fromServer(sealed.from(backends.get(0), ServerState.down(10, 15_000)), SERVER, 0))
                .isNull();
        assertThat(backends.get(0).isUp()).isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(router.fromClient(FrameCodec.encodeRequest(i, new byte[] {1}), CLIENT_V4, 0)
                            .destination())
                    .isEqualTo(backends.get(1).address());
        }
        router.fromServer(sealed.from(backends.get(0), ServerState.up(11)), SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
    }

    @Test
    void olderStateIsIgnoredAndCountedAsStale() {
        router.fromServer(sealed.from(backends.get(0), ServerState.up(11)), SERVER, 0);
        router.fromServer(sealed.from(backends.get(0), ServerState.down(10, 15_000)), SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(drops.count(DropReason.STALE)).isEqualTo(1);
    }

    @Test
    void stateSealedByAMemberThatIsNoServerOfThisAgentChangesNothing() {
        Backend stranger = new Backend(0, new HostAndPort("127.0.0.1", 9), 1);
        router.fromServer(sealed.from(stranger, ServerState.down(10, 15_000)), SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(drops.count(DropReason.UNKNOWN_SENDER)).isEqualTo(1);
    }

    @Test
    void forgedUnsealedOrReplayedStatesChangeNothingWhateverTheirSourceAddress() {
        router.fromServer(SealedStates.forged(backends.get(0), ServerState.down(Long.MAX_VALUE, 15_000)), SERVER, 0);
        router.fromServer(FrameCodec.encode(ServerState.down(Long.MAX_VALUE, 15_000)), SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(drops.count(DropReason.AUTH_FAILED)).isEqualTo(2);

        byte[] down = sealed.from(backends.get(0), ServerState.down(10, 15_000));
        router.fromServer(down, SERVER, 0);
        router.fromServer(sealed.from(backends.get(0), ServerState.up(11)), SERVER, 0);
        router.fromServer(down, SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(drops.count(DropReason.REPLAYED)).isEqualTo(1);
    }

    @Test
    void aReplyIsTakenOnlyFromTheServerTheRequestWentTo() {
        Outgoing toServer = router.fromClient(FrameCodec.encodeRequest(77, new byte[] {1, 2}), CLIENT_V4, 0);
        long id = FrameCodec.requestId(toServer.datagram());
        byte[] reply = FrameCodec.encodeReply(id, new byte[] {2, 1});
        assertThat(router.fromServer(reply, backends.get(1).address(), 0))
                .as("another server")
                .isNull();
        assertThat(router.fromServer(reply, new InetSocketAddress("127.0.0.1", 9), 0))
                .as("no server")
                .isNull();
        assertThat(drops.count(DropReason.WRONG_SOURCE)).isEqualTo(2);
        assertThat(router.fromServer(reply, toServer.destination(), 0))
                .as("the request stayed pending")
                .isNotNull();
    }

    @Test
    void requestsFromOneOfTheAgentsServersAreNeverForwarded() {
        assertThat(router.fromClient(new byte[] {1, 2, 3}, SERVER, 0)).isNull();
        assertThat(router.fromClient(
                        FrameCodec.encodeRequest(1, new byte[] {1}),
                        backends.get(1).address(),
                        0))
                .isNull();
        assertThat(drops.count(DropReason.FROM_MEMBER)).isEqualTo(2);
    }

    @Test
    void rawRequestsBeyondTheRatePerSourceAreDropped() {
        RequestRouter limited = router(true, new SourceRateLimiter(1, 2));
        assertThat(limited.fromClient(new byte[] {1}, CLIENT_V4, 0)).isNotNull();
        assertThat(limited.fromClient(new byte[] {1}, CLIENT_V4, 0)).isNotNull();
        assertThat(limited.fromClient(new byte[] {1}, CLIENT_V4, 0)).isNull();
        assertThat(limited.fromClient(FrameCodec.encodeRequest(1, new byte[] {1}), CLIENT_V4, 0))
                .as("framed requests are not limited")
                .isNotNull();
        assertThat(drops.count(DropReason.RATE_LIMITED)).isEqualTo(1);
        assertThat(limited.fromClient(new byte[] {1}, CLIENT_V4, 1_000_000_000L))
                .as("a second later")
                .isNotNull();
    }

    @Test
    void rawPayloadTooLargeToFrameForAServerIsDroppedAsOversized() {
        assertThat(router.fromClient(new byte[1461], CLIENT_V4, 0)).isNull();
        assertThat(drops.count(DropReason.OVERSIZED)).isEqualTo(1);
        assertThat(router.fromClient(new byte[1460], CLIENT_V4, 0)).isNotNull();
    }

    @Test
    void rawRequestsAreRefusedWhenSwitchedOff() {
        RequestRouter framedOnly = router(false, new SourceRateLimiter(0, 1));
        assertThat(framedOnly.fromClient(new byte[] {1, 2, 3}, CLIENT_V4, 0)).isNull();
        assertThat(drops.count(DropReason.NOT_A_FRAME)).isEqualTo(1);
    }
}
