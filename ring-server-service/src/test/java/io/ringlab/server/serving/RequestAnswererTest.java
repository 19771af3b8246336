package io.ringlab.server.serving;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.Reply;
import io.ringlab.protocol.ServerState;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.protocol.auth.Opened;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAnswererTest {

    private static final InetSocketAddress AGENT = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 4243);
    private static final String SELF = "127.0.0.1:4242";

    private final ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.of(filled(32, 3), List.of()));
    private final FrameSealer agentSealer = new FrameSealer(keyring, 11);
    private final FrameAuthenticator agentSide = new FrameAuthenticator(keyring, 16);
    private final ServerStatistics statistics = new ServerStatistics();
    private final KnownAgents agents = new KnownAgents(2);
    private final DropCounter drops = new DropCounter();

    private boolean down;
    private final PlannedDowntime downtime = new PlannedDowntime() {
        @Override
        public boolean silent(long nowNanos) {
            return down;
        }

        @Override
        public ServerState state(long nowNanos) {
            return down ? ServerState.down(1, 500) : ServerState.up(2);
        }
    };
    private final PingAnswerer pings = new PingAnswerer(
            new FrameAuthenticator(keyring, 16), new FrameSealer(keyring, 22), agents, downtime, drops, SELF);
    private final RequestAnswerer answerer = answerer(true, new SourceRateLimiter(0, 1));

    private RequestAnswerer answerer(boolean answerRaw, SourceRateLimiter rawRate) {
        return new RequestAnswerer(statistics, drops, downtime, pings, PEER::equals, answerRaw, rawRate);
    }

    @Test
    void framedRequestIsAnsweredWithItsIdAndPayloadReversedAndItsSenderIsNotTakenForAnAgent() {
        byte[] reply = answerer.answer(FrameCodec.encodeRequest(9, new byte[] {1, 2, 3}), AGENT, 0);
        assertThat(FrameCodec.decode(reply)).isEqualTo(new Decoded.Framed(new Reply(9, new byte[] {3, 2, 1})));
        assertThat(agents.size())
                .as("only authenticated pings make an agent known")
                .isZero();
        assertThat(statistics.framedRequests()).isEqualTo(1);
    }

    @Test
    void rawDatagramIsAnsweredRawWithNoMoreBytesThanItHad() {
        assertThat(answerer.answer(new byte[] {1, 2, 3}, AGENT, 0)).containsExactly(3, 2, 1);
        assertThat(agents.size()).isZero();
        assertThat(statistics.rawRequests()).isEqualTo(1);
    }

    @Test
    void rawAnswersCanBeSwitchedOffAndAreLimitedPerSource() {
        assertThat(answerer(false, new SourceRateLimiter(0, 1)).answer(new byte[] {1}, AGENT, 0))
                .isNull();
        assertThat(drops.count(DropReason.NOT_A_FRAME)).isEqualTo(1);

        RequestAnswerer limited = answerer(true, new SourceRateLimiter(10, 1));
        assertThat(limited.answer(new byte[] {1}, AGENT, 0)).isNotNull();
        assertThat(limited.answer(new byte[] {1}, AGENT, 0)).isNull();
        assertThat(limited.answer(new byte[] {1}, new InetSocketAddress("127.0.0.1", 5001), 0))
                .isNotNull();
        assertThat(limited.answer(new byte[] {1}, AGENT, 100_000_000L))
                .as("a tenth of a second later")
                .isNotNull();
        assertThat(drops.count(DropReason.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void requestsWhoseSourceIsARingMemberAreNeverAnswered() {
        assertThat(answerer.answer(new byte[] {1, 2, 3}, PEER, 0)).isNull();
        assertThat(answerer.answer(FrameCodec.encodeRequest(9, new byte[] {1}), PEER, 0))
                .isNull();
        assertThat(drops.count(DropReason.FROM_MEMBER)).isEqualTo(2);
        assertThat(statistics.requestsReceived()).isZero();
    }

    @Test
    void serverInPlannedDowntimeAnswersNoRequest() {
        down = true;
        assertThat(answerer.answer(FrameCodec.encodeRequest(9, new byte[] {1}), AGENT, 0))
                .isNull();
        assertThat(answerer.answer(new byte[] {1, 2, 3}, AGENT, 0)).isNull();
        assertThat(drops.count(DropReason.SERVER_DOWN)).isEqualTo(2);
        assertThat(statistics.requestsReceived()).isZero();
    }

    @Test
    void sealedPingIsAnsweredWithTheStateSealedForTheAgentEchoingItsNonceEvenInPlannedDowntime() {
        assertThat(stateIn(answerer.answer(ping(41, SELF), AGENT, 0))).isEqualTo(new ServerState(2, true, 0, 41));
        down = true;
        assertThat(stateIn(answerer.answer(ping(42, SELF), AGENT, 0))).isEqualTo(new ServerState(1, false, 500, 42));
        assertThat(agents.all()).containsExactly(new KnownAgents.KnownAgent(AGENT, "agent-1", SELF));
        assertThat(drops.count(DropReason.SERVER_DOWN)).isZero();
    }

    @Test
    void unsealedForgedReplayedOrMisdirectedPingsGetNoAnswerAndMakeNoAgentKnown() {
        byte[] unsealed = FrameCodec.encode(new Ping(1, SELF));
        byte[] forged = new FrameSealer(new ClusterKeyring(ClusterKeys.of(filled(32, 4), List.of())), 1)
                .seal(unsealed, "agent-1", SELF);
        byte[] forAnotherServer = ping(2, "127.0.0.1:4243");
        assertThat(answerer.answer(unsealed, AGENT, 0)).isNull();
        assertThat(answerer.answer(forged, AGENT, 0)).isNull();
        assertThat(answerer.answer(forAnotherServer, AGENT, 0)).isNull();
        assertThat(drops.count(DropReason.AUTH_FAILED)).isEqualTo(3);

        byte[] genuine = ping(3, SELF);
        assertThat(answerer.answer(genuine, AGENT, 0)).isNotNull();
        assertThat(answerer.answer(genuine, new InetSocketAddress("127.0.0.1", 6000), 0))
                .isNull();
        assertThat(drops.count(DropReason.REPLAYED)).isEqualTo(1);
        assertThat(agents.all()).extracting(KnownAgents.KnownAgent::address).containsExactly(AGENT);
    }

    @Test
    void replyFrameIsDroppedAsUnexpected() {
        assertThat(answerer.answer(FrameCodec.encodeReply(1, new byte[] {1}), AGENT, 0))
                .isNull();
        assertThat(drops.count(DropReason.UNEXPECTED_TYPE)).isEqualTo(1);
        assertThat(statistics.requestsReceived()).isZero();
    }

    @Test
    void knownAgentsForgetTheLeastRecentlyHeardBeyondCapacity() {
        KnownAgents.KnownAgent a = known(1);
        KnownAgents.KnownAgent b = known(2);
        KnownAgents.KnownAgent c = known(3);
        agents.heardFrom(a);
        agents.heardFrom(b);
        agents.heardFrom(a);
        agents.heardFrom(c);
        assertThat(agents.all()).containsExactlyInAnyOrder(a, c);
        agents.heardFrom(b);
        assertThat(agents.all()).containsExactlyInAnyOrder(c, b);
    }

    @Test
    void knownAgentsStayBoundedUnderManySources() {
        for (int port = 1; port <= 10_000; port++) {
            agents.heardFrom(known(port));
        }
        assertThat(agents.size()).isEqualTo(2);
        assertThat(agents.all()).containsExactlyInAnyOrder(known(9_999), known(10_000));
    }

    private byte[] ping(long nonce, String target) {
        return agentSealer.seal(FrameCodec.encode(new Ping(nonce, target)), "agent-1", target);
    }

    private ServerState stateIn(byte[] sealed) {
        Opened.Authentic authentic = (Opened.Authentic) agentSide.open(sealed, sealed.length, "agent-1");
        assertThat(authentic.sender()).isEqualTo(SELF);
        return (ServerState) ((Decoded.Framed) FrameCodec.decode(sealed, authentic.frameLength())).frame();
    }

    private static KnownAgents.KnownAgent known(int port) {
        return new KnownAgents.KnownAgent(new InetSocketAddress("127.0.0.1", port), "agent-" + port, SELF);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
