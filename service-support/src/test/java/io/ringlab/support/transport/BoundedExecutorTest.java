package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedExecutorTest {

    @Test
    void tasksBeyondTheQueueAreDroppedAndCountedAsOverload() throws Exception {
        DropCounter drops = new DropCounter();
        ThreadPoolExecutor workers = BoundedExecutor.workers("test", 1, 2, drops);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        try {
            workers.execute(() -> {
                busy.countDown();
                awaitQuietly(release);
            });
            busy.await();
            for (int i = 0; i < 5; i++) {
                workers.execute(() -> { });
            }
            assertThat(workers.getQueue()).hasSize(2);
            assertThat(drops.count(DropReason.OVERLOAD)).isEqualTo(3);
        } finally {
            release.countDown();
            workers.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
