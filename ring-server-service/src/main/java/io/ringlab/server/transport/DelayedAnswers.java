package io.ringlab.server.transport;

import io.ringlab.protocol.DropReason;
import io.ringlab.support.transport.DropCounter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault {@code ringlab.server.faults.delay}: answers held back on a timer and sent when their delay is
 * over, so that a slow server does not hold up the socket's only reader. Bounded: beyond {@code capacity}
 * answers waiting, an answer is dropped and counted as {@code overload}, as a server that cannot keep up would.
 */
final class DelayedAnswers implements AutoCloseable {

    private final MessageChannel out;
    private final long delayNanos;
    private final int capacity;
    private final DropCounter drops;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delayed-answers");
        thread.setDaemon(true);
        return thread;
    });

    DelayedAnswers(MessageChannel out, long delayNanos, int capacity, DropCounter drops) {
        this.out = out;
        this.delayNanos = delayNanos;
        this.capacity = capacity;
        this.drops = drops;
    }

    void send(Message<byte[]> answer) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            drops.drop(DropReason.OVERLOAD);
            return;
        }
        timer.schedule(
                () -> {
                    waiting.decrementAndGet();
                    out.send(answer);
                },
                delayNanos,
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
