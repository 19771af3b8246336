package io.ringlab.server.serving;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Reply;
import io.ringlab.support.transport.DropCounter;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAnswererTest {

    private static final InetSocketAddress AGENT = new InetSocketAddress("127.0.0.1", 5000);

    private final ServerStatistics statistics = new ServerStatistics();
    private final KnownAgents agents = new KnownAgents(2);
    private final DropCounter drops = new DropCounter();
    private static final byte[] DOWN_STATE = FrameCodec.encode(io.ringlab.protocol.ServerState.down(1, 500));
    private static final byte[] UP_STATE = FrameCodec.encode(io.ringlab.protocol.ServerState.up(2));

    private boolean down;
    private final RequestAnswerer answerer = new RequestAnswerer(statistics, agents, drops, new PlannedDowntime() {
        @Override
        public boolean silent(long nowNanos) {
            return down;
        }

        @Override
        public byte[] state(long nowNanos) {
            return down ? DOWN_STATE : UP_STATE;
        }
    });

    @Test
    void framedRequestIsAnsweredWithItsIdAndPayloadReversedAndItsSenderRemembered() {
        byte[] reply = answerer.answer(FrameCodec.encodeRequest(9, new byte[] {1, 2, 3}), AGENT, 0);
        assertThat(FrameCodec.decode(reply)).isEqualTo(new Decoded.Framed(new Reply(9, new byte[] {3, 2, 1})));
        assertThat(agents.all()).containsExactly(AGENT);
        assertThat(statistics.framedRequests()).isEqualTo(1);
    }

    @Test
    void rawDatagramIsAnsweredRawAndItsSenderIsNotTakenForAnAgent() {
        assertThat(answerer.answer(new byte[] {1, 2, 3}, AGENT, 0)).containsExactly(3, 2, 1);
        assertThat(agents.size()).isZero();
        assertThat(statistics.rawRequests()).isEqualTo(1);
    }

    @Test
    void serverInPlannedDowntimeAnswersNoRequestButTellsTheAgentItIsDownAndRemembersIt() {
        down = true;
        assertThat(answerer.answer(FrameCodec.encodeRequest(9, new byte[] {1}), AGENT, 0)).isEqualTo(DOWN_STATE);
        assertThat(agents.all()).containsExactly(AGENT);
        assertThat(answerer.answer(new byte[] {1, 2, 3}, AGENT, 0)).as("raw senders are not agents").isNull();
        assertThat(drops.count(DropReason.SERVER_DOWN)).isEqualTo(2);
        assertThat(statistics.requestsReceived()).isZero();
    }

    @Test
    void healthPingIsAnsweredWithTheStateEvenInPlannedDowntimeAndItsSenderRemembered() {
        byte[] ping = FrameCodec.encode(new io.ringlab.protocol.Ping(1));
        assertThat(answerer.answer(ping, AGENT, 0)).isEqualTo(UP_STATE);
        down = true;
        assertThat(answerer.answer(ping, AGENT, 0)).isEqualTo(DOWN_STATE);
        assertThat(agents.all()).containsExactly(AGENT);
        assertThat(drops.count(DropReason.SERVER_DOWN)).isZero();
    }

    @Test
    void replyFrameIsDroppedAsUnexpected() {
        assertThat(answerer.answer(FrameCodec.encodeReply(1, new byte[] {1}), AGENT, 0)).isNull();
        assertThat(drops.count(DropReason.UNEXPECTED_TYPE)).isEqualTo(1);
        assertThat(statistics.requestsReceived()).isZero();
    }

    @Test
    void knownAgentsForgetTheFirstHeardBeyondCapacityAndRememberItAgainWhenItComesBack() {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        InetSocketAddress b = new InetSocketAddress("127.0.0.1", 2);
        InetSocketAddress c = new InetSocketAddress("127.0.0.1", 3);
        agents.heardFrom(a, 1);
        agents.heardFrom(b, 2);
        agents.heardFrom(a, 3);
        agents.heardFrom(c, 4);
        assertThat(agents.all()).containsExactlyInAnyOrder(b, c);
        agents.heardFrom(a, 5);
        assertThat(agents.all()).containsExactlyInAnyOrder(c, a);
    }

    @Test
    void knownAgentsStayBoundedUnderAProxyThatSendsFromANewPortEachTime() {
        for (int port = 1; port <= 10_000; port++) {
            agents.heardFrom(new InetSocketAddress("127.0.0.1", port), port);
        }
        assertThat(agents.size()).isEqualTo(2);
        assertThat(agents.all()).containsExactlyInAnyOrder(new InetSocketAddress("127.0.0.1", 9_999),
                new InetSocketAddress("127.0.0.1", 10_000));
    }
}
