package io.ringlab.agent.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.agent.balancing.ServerView;
import io.ringlab.agent.routing.AgentStatistics;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.HealthChecker;
import io.ringlab.agent.routing.OutlierDetector;
import io.ringlab.agent.routing.PendingRequests;
import io.ringlab.agent.routing.RequestRouter;
import io.ringlab.agent.routing.ServerStateReceiver;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.support.transport.DatagramBatch;
import io.ringlab.support.transport.DatagramBatchHandler;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.support.MessageBuilder;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's batch steps with the real router, without sockets: a read batch of requests and one of replies, each
 * with datagrams the router drops (counted by reason, exactly) and one it fails on in the middle (counted alone);
 * replies and framed requests leave in the buffer they came in, and no buffer is kept after the batch.
 */
class RoutingStepsTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.2", 40_000);
    private static final InetSocketAddress SERVER_0 = new InetSocketAddress("127.0.0.1", 4242);
    private static final InetSocketAddress SERVER_1 = new InetSocketAddress("127.0.0.1", 4243);

    private final Backends backends =
            new Backends(List.of(new HostAndPort("127.0.0.1", 4242), new HostAndPort("127.0.0.1", 4243)));
    private final DropCounter drops = new DropCounter();
    private int choices;
    /** The strategy throws on this choice (from 1); none when negative. */
    private int failOnChoice = -1;

    /** Round robin, but throws on the choice numbered {@link #failOnChoice}. */
    private final BalancingStrategy failing = new BalancingStrategy() {
        private final RoundRobin roundRobin = new RoundRobin();

        @Override
        public int choose(ServerView servers) {
            if (++choices == failOnChoice) {
                throw new IllegalStateException("fails on purpose");
            }
            return roundRobin.choose(servers);
        }

        @Override
        public String name() {
            return "failing-round-robin";
        }
    };

    private final RequestRouter router = router();
    private final RoutingSteps steps = new RoutingSteps(router);
    /** What the outgoing batches held while they were sent: buffers (for their reference counts), bytes, addresses. */
    private final List<ByteBuf> sent = new ArrayList<>();

    private final List<byte[]> sentBytes = new ArrayList<>();
    private final List<InetSocketAddress> sentTo = new ArrayList<>();
    private int messages;

    private RequestRouter router() {
        ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.insecure());
        HealthChecker health =
                new HealthChecker(backends, 2, (to, datagram) -> {}, new FrameSealer(keyring, 1), "test", () -> 1);
        ServerStateReceiver states =
                new ServerStateReceiver(new FrameAuthenticator(keyring, 16), "test", backends, health, drops);
        long[] ids = {1};
        return new RequestRouter(
                backends,
                failing,
                new PendingRequests(100, () -> ids[0]++ << 20),
                new AgentStatistics(),
                drops,
                true,
                new SourceRateLimiter(0, 1),
                new OutlierDetector(backends, 5, 1_000_000_000L, 30_000_000_000L),
                states,
                1472,
                null); // no retry budget
    }

    private DatagramBatchHandler handler(DatagramBatchHandler.Logic logic) {
        DirectChannel output = new DirectChannel();
        output.subscribe(message -> {
            messages++;
            DatagramBatch batch = (DatagramBatch) message.getPayload();
            for (int i = 0; i < batch.size(); i++) {
                sent.add(batch.content(i));
                sentBytes.add(ByteBufUtil.getBytes(batch.content(i)));
                sentTo.add(batch.address(i));
            }
        });
        return new DatagramBatchHandler(logic, output, drops);
    }

    @Test
    void routesABatchOfRequestsCountingEachDropAndTheOneItFailsOn() {
        failOnChoice = 3; // the third request that gets as far as choosing a server
        List<ByteBuf> received = new ArrayList<>();
        DatagramBatch batch = new DatagramBatch();
        add(batch, received, FrameCodec.encodeRequest(101, new byte[] {1}), CLIENT); // choice 1
        add(batch, received, new byte[] {9, 8, 7}, CLIENT); // raw, choice 2
        add(batch, received, FrameCodec.encodeReply(5, new byte[] {1}), CLIENT); // unexpected-type
        add(batch, received, FrameCodec.encodeRequest(103, new byte[] {3}), CLIENT); // choice 3: the router throws
        add(batch, received, FrameCodec.encodeRequest(104, new byte[] {4}), SERVER_0); // from-member
        add(batch, received, FrameCodec.encodeRequest(105, new byte[] {5}), CLIENT); // choice 4

        handle(handler(steps::request), batch);

        assertThat(messages).as("one message on for the batch").isEqualTo(1);
        assertThat(sentTo).containsExactly(SERVER_0, SERVER_1, SERVER_0);
        assertThat(sent.get(0))
                .as("a framed request leaves in the buffer it came in")
                .isSameAs(received.get(0));
        assertThat(sent.get(2)).isSameAs(received.get(5));
        assertThat(FrameCodec.requestId(sentBytes.get(0)))
                .as("under the agent's id")
                .isEqualTo(1L << 20);
        long rawId = FrameCodec.requestId(sentBytes.get(1));
        assertThat(sentBytes.get(1))
                .as("a raw request framed anew, under the agent's id")
                .isEqualTo(FrameCodec.encodeRequest(rawId, new byte[] {9, 8, 7}));
        assertThat(rawId & ~0xFFFFFL).isEqualTo(2L << 20);
        assertThat(drops.count(DropReason.HANDLER_FAILED)).isEqualTo(1);
        assertThat(drops.count(DropReason.UNEXPECTED_TYPE)).isEqualTo(1);
        assertThat(drops.count(DropReason.FROM_MEMBER)).isEqualTo(1);
        assertThat(drops.snapshot()).hasSize(3);
        assertThat(received).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    @Test
    void routesABatchOfRepliesInTheirOwnBuffersCountingEachDrop() {
        DatagramBatch requests = new DatagramBatch();
        List<ByteBuf> receivedRequests = new ArrayList<>();
        add(requests, receivedRequests, FrameCodec.encodeRequest(201, new byte[] {1, 2}), CLIENT);
        add(requests, receivedRequests, new byte[] {7, 7, 7}, CLIENT);
        add(requests, receivedRequests, FrameCodec.encodeRequest(203, new byte[] {3}), CLIENT);
        handle(handler(steps::request), requests);
        long framedId = FrameCodec.requestId(sentBytes.get(0));
        long rawId = FrameCodec.requestId(sentBytes.get(1));
        long thirdId = FrameCodec.requestId(sentBytes.get(2));
        InetSocketAddress thirdServer = sentTo.get(2);
        InetSocketAddress otherServer = thirdServer.equals(SERVER_0) ? SERVER_1 : SERVER_0;
        sent.clear();
        sentBytes.clear();
        sentTo.clear();
        messages = 0;

        List<ByteBuf> received = new ArrayList<>();
        DatagramBatch replies = new DatagramBatch();
        add(replies, received, FrameCodec.encodeReply(framedId, new byte[] {2, 1}), sentToOf(0));
        add(replies, received, FrameCodec.encodeReply(framedId, new byte[] {2, 1}), sentToOf(0)); // settled already
        add(replies, received, FrameCodec.encodeReply(thirdId, new byte[] {3}), otherServer); // wrong server
        add(replies, received, new byte[] {'R', 'L', 1}, SERVER_0); // truncated
        add(replies, received, FrameCodec.encodeReply(rawId, new byte[] {6, 5, 4}), SERVER_1);
        add(replies, received, FrameCodec.encodeReply(thirdId, new byte[] {3}), thirdServer);

        handle(handler(steps::reply), replies);

        assertThat(messages).isEqualTo(1);
        assertThat(sentTo).containsExactly(CLIENT, CLIENT, CLIENT);
        assertThat(sent.get(0)).as("a reply leaves in the buffer it came in").isSameAs(received.get(0));
        assertThat(sentBytes.get(0)).isEqualTo(FrameCodec.encodeReply(201, new byte[] {2, 1}));
        assertThat(sentBytes.get(1))
                .as("a raw request's reply: the payload alone")
                .containsExactly(6, 5, 4);
        assertThat(sentBytes.get(2)).isEqualTo(FrameCodec.encodeReply(203, new byte[] {3}));
        assertThat(drops.count(DropReason.UNKNOWN_REQUEST)).isEqualTo(1);
        assertThat(drops.count(DropReason.WRONG_SOURCE)).isEqualTo(1);
        assertThat(drops.count(DropReason.TRUNCATED)).isEqualTo(1);
        assertThat(drops.snapshot()).hasSize(3);
        assertThat(received).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    /** Round robin from the first server: request i went to server i mod 2. */
    private static InetSocketAddress sentToOf(int request) {
        return request % 2 == 0 ? SERVER_0 : SERVER_1;
    }

    private static void add(DatagramBatch batch, List<ByteBuf> received, byte[] datagram, InetSocketAddress from) {
        ByteBuf buffer = Unpooled.directBuffer(datagram.length).writeBytes(datagram);
        received.add(buffer);
        batch.add(buffer, from);
    }

    /** As the producer does: one message for the batch, cleared when it returns. */
    private static void handle(DatagramBatchHandler handler, DatagramBatch batch) {
        try {
            handler.handleMessage(MessageBuilder.withPayload(batch).build());
        } finally {
            batch.clear();
        }
    }
}
