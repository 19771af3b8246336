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
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRouterTest {

    private static final InetSocketAddress CLIENT_V6 = new InetSocketAddress("::1", 40000);
    private static final InetSocketAddress CLIENT_V4 = new InetSocketAddress("127.0.0.2", 40000);

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4242);

    private final Backends backends = new Backends(List.of(
            new HostAndPort("127.0.0.1", 4242), new HostAndPort("127.0.0.1", 4243)));
    private final DropCounter drops = new DropCounter();
    private final AgentStatistics statistics = new AgentStatistics();
    private final OutlierDetector outliers = new OutlierDetector(backends, 5, 1_000_000_000L, 30_000_000_000L);
    private final HealthChecker health = new HealthChecker(backends, 2, (to, datagram) -> { });
    private final RequestRouter router = new RequestRouter(backends, new RoundRobin(),
            new PendingRequests(100, 1), statistics, drops, true, outliers, health, 1472);

    @Test
    void framedRequestGoesToAServerUnderTheAgentsIdAndTheReplyBackToThatClientUnderItsId() {
        Outgoing toServer = router.fromClient(FrameCodec.encode(new Request(77, new byte[] {1, 2, 3})), CLIENT_V6, 0);
        assertThat(toServer.destination()).isEqualTo(backends.get(0).address());
        Request forwarded = (Request) ((Decoded.Framed) FrameCodec.decode(toServer.datagram())).frame();
        assertThat(forwarded.payload()).containsExactly(1, 2, 3);

        Outgoing toClient = router.fromServer(FrameCodec.encodeReply(forwarded.requestId(), new byte[] {3, 2, 1}), SERVER, 0);
        assertThat(toClient.destination()).isEqualTo(CLIENT_V6);
        assertThat(FrameCodec.decode(toClient.datagram())).isEqualTo(new Decoded.Framed(new Reply(77, new byte[] {3, 2, 1})));
    }

    @Test
    void concurrentClientsWithTheSameRequestIdEachGetTheirOwnReply() {
        Outgoing first = router.fromClient(FrameCodec.encodeRequest(1, new byte[] {1}), CLIENT_V6, 0);
        Outgoing second = router.fromClient(FrameCodec.encodeRequest(1, new byte[] {2}), CLIENT_V4, 0);
        long secondId = ((Request) ((Decoded.Framed) FrameCodec.decode(second.datagram())).frame()).requestId();
        long firstId = ((Request) ((Decoded.Framed) FrameCodec.decode(first.datagram())).frame()).requestId();

        assertThat(router.fromServer(FrameCodec.encodeReply(secondId, new byte[] {2}), SERVER, 0).destination()).isEqualTo(CLIENT_V4);
        assertThat(router.fromServer(FrameCodec.encodeReply(firstId, new byte[] {1}), SERVER, 0).destination()).isEqualTo(CLIENT_V6);
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
        assertThat(router.fromServer(FrameCodec.encodeReply(id, new byte[] {1}), SERVER, 0)).isNotNull();
        assertThat(router.fromServer(FrameCodec.encodeReply(id, new byte[] {1}), SERVER, 0)).isNull();
        assertThat(drops.count(DropReason.UNKNOWN_REQUEST)).isEqualTo(1);
    }

    @Test
    void noServerUpDropsTheRequest() {
        backends.get(0).setUp(false);
        backends.get(1).setUp(false);
        assertThat(router.fromClient(FrameCodec.encodeRequest(5, new byte[] {1}), CLIENT_V4, 0)).isNull();
        assertThat(drops.count(DropReason.NO_SERVER)).isEqualTo(1);
    }

    @Test
    void wrongFrameTypesAreDroppedOnBothSides() {
        assertThat(router.fromClient(FrameCodec.encodeReply(1, new byte[] {1}), CLIENT_V4, 0)).isNull();
        assertThat(router.fromServer(FrameCodec.encodeRequest(1, new byte[] {1}), SERVER, 0)).isNull();
        assertThat(router.fromServer(new byte[] {1, 2, 3}, SERVER, 0)).isNull();
        assertThat(drops.count(DropReason.UNEXPECTED_TYPE)).isEqualTo(2);
        assertThat(drops.count(DropReason.NOT_A_FRAME)).isEqualTo(1);
    }

    @Test
    void serverStateTakesTheServerOutOfRotationAtOnceAndBack() {
        assertThat(router.fromServer(FrameCodec.encode(ServerState.down(10, 15_000)), SERVER, 0)).isNull();
        assertThat(backends.get(0).isUp()).isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(router.fromClient(FrameCodec.encodeRequest(i, new byte[] {1}), CLIENT_V4, 0).destination())
                    .isEqualTo(backends.get(1).address());
        }
        router.fromServer(FrameCodec.encode(ServerState.up(11)), SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
    }

    @Test
    void olderStateIsIgnoredAndCountedAsStale() {
        router.fromServer(FrameCodec.encode(ServerState.up(11)), SERVER, 0);
        router.fromServer(FrameCodec.encode(ServerState.down(10, 15_000)), SERVER, 0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(drops.count(DropReason.STALE)).isEqualTo(1);
    }

    @Test
    void stateFromAnAddressThatIsNoServerChangesNothing() {
        router.fromServer(FrameCodec.encode(ServerState.down(10, 15_000)), new InetSocketAddress("127.0.0.1", 9), 0);
        assertThat(backends.get(0).isUp()).isTrue();
        assertThat(drops.count(DropReason.UNKNOWN_SENDER)).isEqualTo(1);
    }

    @Test
    void rawPayloadTooLargeToFrameForAServerIsDroppedAsOversized() {
        assertThat(router.fromClient(new byte[1461], CLIENT_V4, 0)).isNull();
        assertThat(drops.count(DropReason.OVERSIZED)).isEqualTo(1);
        assertThat(router.fromClient(new byte[1460], CLIENT_V4, 0)).isNotNull();
    }

    @Test
    void rawRequestsAreRefusedWhenSwitchedOff() {
        RequestRouter framedOnly = new RequestRouter(backends, new RoundRobin(),
                new PendingRequests(100, 1), statistics, drops, false, outliers, health, 1472);
        assertThat(framedOnly.fromClient(new byte[] {1, 2, 3}, CLIENT_V4, 0)).isNull();
        assertThat(drops.count(DropReason.NOT_A_FRAME)).isEqualTo(1);
    }
}
