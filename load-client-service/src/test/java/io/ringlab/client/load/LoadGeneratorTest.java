package io.ringlab.client.load;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Payloads;
import io.ringlab.protocol.Request;
import io.ringlab.support.transport.DropCounter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Workers against an in-memory agent that answers every request at once. */
class LoadGeneratorTest {

    private final ReplyWaiters waiters = new ReplyWaiters();
    private final LoadStatistics statistics = new LoadStatistics();
    private final ReplyReceiver receiver = new ReplyReceiver(waiters, statistics, new DropCounter());

    @Test
    void sendsExactlyTheBudgetWithUniqueIdsAndCountsEveryReply() {
        java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        RequestSender echoAgent = datagram -> {
            Request request = (Request) ((Decoded.Framed) FrameCodec.decode(datagram)).frame();
            ids.add(request.requestId());
            receiver.receive(FrameCodec.encodeReply(request.requestId(), Payloads.reverse(request.payload())), System.nanoTime());
        };
        LoadGenerator generator = new LoadGenerator(echoAgent, waiters, statistics, new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30), 1000, Long.MAX_VALUE - 10);
        generator.start(8);
        await().until(() -> !generator.isRunning());
        generator.stop();
        assertThat(statistics.sentCount()).isEqualTo(1000);
        assertThat(statistics.successCount()).isEqualTo(1000);
        assertThat(ids).as("ids stay unique across the wrap of the long range").hasSize(1000);
        assertThat(statistics.latencies().snapshot().getTotalCount()).isEqualTo(1000);
    }

    @Test
    void wrongPayloadIsNotASuccess() {
        RequestSender wrongAgent = datagram -> {
            Request request = (Request) ((Decoded.Framed) FrameCodec.decode(datagram)).frame();
            receiver.receive(FrameCodec.encodeReply(request.requestId(), request.payload()), System.nanoTime());
        };
        LoadGenerator generator = new LoadGenerator(wrongAgent, waiters, statistics, new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30), 10, 0);
        generator.start(1);
        await().until(() -> !generator.isRunning());
        assertThat(statistics.wrongReplyCount()).isEqualTo(10);
        assertThat(statistics.successCount()).isZero();
    }
}
