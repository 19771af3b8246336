package io.ringlab.client.load;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Payloads;
import io.ringlab.protocol.Request;
import io.ringlab.support.transport.DropCounter;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The open loop driven step by step on a fake clock; replies are delivered by hand, at chosen times. */
class OpenLoopTest {

    private static final byte[] PAYLOAD = {1, 2, 3};
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(1);

    private final ReplyWaiters waiters = new ReplyWaiters();
    private final LoadStatistics statistics = new LoadStatistics();
    private final ReplyReceiver receiver = new ReplyReceiver(waiters, statistics, new DropCounter());
    private final List<Request> sent = new ArrayList<>();
    private final RequestSender agent =
            datagram -> sent.add((Request) ((Decoded.Framed) FrameCodec.decode(datagram)).frame());

    private OpenLoop loop(double rate, int maxInFlight, long maxRequests) {
        Requests requests = new Requests(agent, waiters, statistics, PAYLOAD, TIMEOUT, maxRequests, 1);
        OpenLoop loop = new OpenLoop(requests, rate, maxInFlight, () -> {
            throw new AssertionError("the test gives the time");
        });
        loop.begin(0);
        return loop;
    }

    private void reply(Request request, long arrivedNanos) {
        receiver.receive(
                FrameCodec.encodeReply(request.requestId(), Payloads.reverse(request.payload())), arrivedNanos);
    }

    @Test
    void sendsEachRequestWhenItIsDueAndSaysWhenTheNextOneIs() {
        OpenLoop loop = loop(1000, 100, 0);
        assertThat(loop.step(0)).as("next due").isEqualTo(MS);
        assertThat(sent).hasSize(1);
        assertThat(loop.step(MS - 1)).isEqualTo(MS);
        assertThat(sent).as("not due yet").hasSize(1);
        loop.step(MS);
        loop.step(2 * MS);
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(Request::requestId).doesNotHaveDuplicates();
        assertThat(statistics.sentCount()).isEqualTo(3);
    }

    @Test
    void answeredRequestsDoNotPileUpBehindAnOlderOneStillAwaited() {
        OpenLoop loop = loop(1000, 10, 0);
        loop.step(0);
        Request unanswered = sent.get(0);
        for (long now = MS; now < 500 * MS; now += MS) {
            loop.step(now);
            reply(sent.get(sent.size() - 1), now);
        }
        assertThat(sent).hasSize(500);
        assertThat(waiters.size()).as("only the first still awaits its reply").isEqualTo(1);
        assertThat(loop.awaitedCount())
                .as("bounded by max-in-flight, not by the requests sent")
                .isLessThanOrEqualTo(21);
        reply(unanswered, 500 * MS);
        assertThat(statistics.successCount()).isEqualTo(500);
    }

    @Test
    void afterAStallSendsEveryOverdueRequestAtOnceAndTimesEachFromWhenItWasDue() {
        OpenLoop loop = loop(1000, 100, 0);
        loop.step(0);
        loop.step(10 * MS);
        assertThat(sent).as("due at 0 ms, then 1 to 10 ms, sent at 10 ms").hasSize(11);

        long arrived = 10 * MS + MS / 2;
        sent.forEach(request -> reply(request, arrived));

        Histogram latencies = statistics.latencies().snapshot();
        assertThat(statistics.successCount()).isEqualTo(11);
        assertThat(statistics.totalResponseNanos())
                .as("10.5 + 9.5 + ... + 0.5 ms")
                .isEqualTo(60 * MS + MS / 2);
        assertThat(latencies.getMaxValue() / 1e6).isCloseTo(10.5, within(0.01));
        assertThat(latencies.getMinValue() / 1e6)
                .as("the last one was sent when due")
                .isCloseTo(0.5, within(0.01));
        assertThat(loop.inFlight()).isZero();
    }

    @Test
    void aRequestWithoutReplyTimesOutAndItsLateReplyIsCountedAsLate() {
        OpenLoop loop = loop(1, 100, 0);
        assertThat(loop.step(0))
                .as("the next request is due before the first one's deadline")
                .isEqualTo(TIMEOUT);
        Request first = sent.get(0);
        loop.step(TIMEOUT);
        assertThat(statistics.timeoutCount()).isEqualTo(1);
        assertThat(sent).hasSize(2);
        assertThat(loop.inFlight()).isEqualTo(1);

        reply(first, TIMEOUT + MS);
        assertThat(statistics.lateReplyCount()).isEqualTo(1);
        assertThat(statistics.successCount()).isZero();
        reply(sent.get(1), TIMEOUT + 2 * MS);
        assertThat(statistics.successCount()).isEqualTo(1);
        assertThat(statistics.latencies().snapshot().getMaxValue() / 1e6).isCloseTo(2, within(0.01));
    }

    @Test
    void aReplyJustBeforeTheDeadlineIsASuccessNotATimeout() {
        OpenLoop loop = loop(1, 100, 0);
        loop.step(0);
        reply(sent.get(0), TIMEOUT - 1);
        loop.step(TIMEOUT);
        assertThat(statistics.successCount()).isEqualTo(1);
        assertThat(statistics.timeoutCount()).isZero();
    }

    @Test
    void requestsBeyondMaxInFlightAreCountedAndNotSent() {
        OpenLoop loop = loop(1000, 5, 0);
        loop.step(9 * MS);
        assertThat(sent).as("10 due, 5 may await replies").hasSize(5);
        assertThat(statistics.overMaxInFlightCount()).isEqualTo(5);

        reply(sent.get(0), 9 * MS);
        reply(sent.get(1), 9 * MS);
        loop.step(10 * MS);
        assertThat(sent).as("one more due, and room for it").hasSize(6);
        assertThat(loop.inFlight()).isEqualTo(4);
        assertThat(statistics.overMaxInFlightCount()).isEqualTo(5);
        assertThat(statistics.sentCount()).isEqualTo(6);
    }

    @Test
    void endsWhenTheBudgetIsSpentAndEveryRequestHasEnded() {
        OpenLoop loop = loop(1000, 100, 3);
        loop.step(10 * MS);
        assertThat(sent).hasSize(3);
        assertThat(loop.done()).as("replies still awaited").isFalse();
        sent.forEach(request -> reply(request, 11 * MS));
        loop.step(11 * MS);
        assertThat(loop.done()).isTrue();
        assertThat(statistics.successCount()).isEqualTo(3);
    }
}
