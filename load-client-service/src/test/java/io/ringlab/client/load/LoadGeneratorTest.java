package io.ringlab.client.load;

import io.ringlab.client.config.ClosedLoopEngine;
import io.ringlab.client.config.LoadSettings;
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
            receiver.receive(
                    FrameCodec.encodeReply(request.requestId(), Payloads.reverse(request.payload())),
                    System.nanoTime());
        };
        LoadGenerator generator = new LoadGenerator(
                echoAgent,
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30),
                1000,
                Long.MAX_VALUE - 10,
                new LoadSettings(8, 0),
                100,
                ClosedLoopEngine.THREADS);
        generator.start();
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
        LoadGenerator generator = new LoadGenerator(
                wrongAgent,
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30),
                10,
                0,
                new LoadSettings(1, 0),
                100,
                ClosedLoopEngine.THREADS);
        generator.start();
        await().until(() -> !generator.isRunning());
        assertThat(statistics.wrongReplyCount()).isEqualTo(10);
        assertThat(statistics.successCount()).isZero();
    }

    @Test
    void openLoopSendsTheBudgetAtItsRateAndEndsWhenEveryReplyIsIn() {
        LoadGenerator generator = new LoadGenerator(
                echoAgent(),
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30),
                200,
                0,
                new LoadSettings(1, 20_000),
                1000,
                ClosedLoopEngine.THREADS);
        assertThat(generator.start()).isTrue();
        await().until(() -> !generator.isRunning());
        assertThat(statistics.sentCount()).isEqualTo(200);
        assertThat(statistics.successCount()).isEqualTo(200);
        assertThat(statistics.latencies().snapshot().getTotalCount()).isEqualTo(200);
    }

    @Test
    void newSettingsRestartARunningLoadAndAStopLetsTheRequestsInFlightFinish() {
        LoadGenerator generator = new LoadGenerator(
                echoAgent(),
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30),
                0,
                0,
                new LoadSettings(4, 0),
                1000,
                ClosedLoopEngine.THREADS);
        assertThat(generator.start()).isTrue();
        assertThat(generator.start()).as("already running").isFalse();
        assertThat(generator.threadsRunning()).isEqualTo(4);

        generator.update(settings -> settings.withRate(1000));
        assertThat(generator.isRunning()).isTrue();
        assertThat(generator.settings().mode()).isEqualTo("open-loop");
        assertThat(generator.threadsRunning()).isZero();
        assertThat(generator.rateRunning()).isEqualTo(1000);
        long sentBefore = statistics.sentCount();
        await().until(() -> statistics.sentCount() > sentBefore + 5);

        assertThat(generator.stop()).isTrue();
        assertThat(generator.isRunning()).isFalse();
        assertThat(generator.stop()).as("not running").isFalse();
        assertThat(statistics.timeoutCount())
                .as("nothing given up at the restart or the stop")
                .isZero();
        assertThat(statistics.counts().inFlight()).isZero();
        assertThat(generator.settings().threads())
                .as("kept for the closed loop")
                .isEqualTo(4);
    }

    @Test
    void settingsChangedWhileStoppedWaitForTheNextStart() {
        LoadGenerator generator = new LoadGenerator(
                echoAgent(),
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30),
                0,
                0,
                new LoadSettings(4, 0),
                1000,
                ClosedLoopEngine.THREADS);
        generator.update(settings -> settings.withThreads(2));
        assertThat(generator.isRunning()).isFalse();
        assertThat(generator.settings()).isEqualTo(new LoadSettings(2, 0));
        assertThat(statistics.sentCount()).isZero();
    }

    @Test
    void eventDrivenClosedLoopSendsExactlyTheBudgetEvenWhenRepliesComeBeforeTheSendReturns() {
        LoadGenerator generator = new LoadGenerator(
                echoAgent(),
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.SECONDS.toNanos(30),
                20_000,
                0,
                new LoadSettings(8, 0),
                100,
                ClosedLoopEngine.EVENTS);
        generator.start();
        assertThat(generator.threadsRunning()).isEqualTo(8);
        await().until(() -> !generator.isRunning());
        generator.stop();
        assertThat(statistics.sentCount()).isEqualTo(20_000);
        assertThat(statistics.successCount()).isEqualTo(20_000);
        assertThat(statistics.counts().inFlight()).isZero();
    }

    @Test
    void eventDrivenClosedLoopTimesOutUnansweredRequestsAndKeepsItsConcurrency() {
        java.util.Set<Long> inFlightIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        RequestSender silentAgent = datagram -> {
            inFlightIds.add(FrameCodec.requestId(datagram));
            mostInFlight.accumulateAndGet(waiters.size(), Math::max);
        };
        LoadGenerator generator = new LoadGenerator(
                silentAgent,
                waiters,
                statistics,
                new byte[] {1, 2, 3},
                TimeUnit.MILLISECONDS.toNanos(30),
                12,
                0,
                new LoadSettings(3, 0),
                100,
                ClosedLoopEngine.EVENTS);
        generator.start();
        await().until(() -> !generator.isRunning());
        assertThat(statistics.timeoutCount()).isEqualTo(12);
        assertThat(inFlightIds).hasSize(12);
        assertThat(mostInFlight.get())
                .as("never more than the concurrency in flight")
                .isLessThanOrEqualTo(3);
        assertThat(waiters.size()).isZero();
    }

    private RequestSender echoAgent() {
        return datagram -> {
            Request request = (Request) ((Decoded.Framed) FrameCodec.decode(datagram)).frame();
            receiver.receive(
                    FrameCodec.encodeReply(request.requestId(), Payloads.reverse(request.payload())),
                    System.nanoTime());
        };
    }
}
