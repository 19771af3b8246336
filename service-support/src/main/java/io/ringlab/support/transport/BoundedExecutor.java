package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools with a bounded queue; what does not fit is dropped and counted as {@link DropReason#OVERLOAD}. */
public final class BoundedExecutor {

    private BoundedExecutor() {
    }

    public static ThreadPoolExecutor workers(String name, int threads, int queueCapacity, DropCounter drops) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemonThreads(name),
                (task, executor) -> drops.drop(DropReason.OVERLOAD));
    }

    /** One thread for one long-running task (a receive loop); a second task is refused. */
    public static ThreadPoolExecutor single(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(), daemonThreads(name));
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
