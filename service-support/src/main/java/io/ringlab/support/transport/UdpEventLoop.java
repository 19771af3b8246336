package io.ringlab.support.transport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One thread serving every UDP socket of a service, as an event loop: it waits until any socket has datagrams,
 * then has each ready socket's reader take a batch. A service with two sockets (the agent's client and server
 * sides) then sleeps only when both are empty, and a datagram costs no wake-up of a second thread. Readers
 * are added and removed from any thread; the change takes effect in the loop.
 */
public final class UdpEventLoop implements AutoCloseable {

    /** Takes what it can from its socket on the loop's thread; never blocks. */
    @FunctionalInterface
    public interface Reader {
        void readReady() throws IOException;
    }

    private static final Log log = LogFactory.getLog(UdpEventLoop.class);

    private final String name;
    private final Selector selector;
    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    private Thread thread;
    private volatile boolean running = true;

    public UdpEventLoop(String name) {
        this.name = name;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the UDP sockets", e);
        }
    }

    /** Starts serving the channel (made non-blocking); the loop's thread starts with the first reader. */
    public synchronized void add(DatagramChannel channel, Reader reader) {
        try {
            channel.configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a UDP socket non-blocking", e);
        }
        changes.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, reader);
            } catch (ClosedChannelException e) {
                // closed before it could be served: nothing to read
            }
        });
        if (thread == null) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
        selector.wakeup();
    }

    /** Stops serving the channel. */
    public void remove(DatagramChannel channel) {
        changes.add(() -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
            }
        });
        selector.wakeup();
    }

    private void run() {
        while (running) {
            try {
                for (Runnable change = changes.poll(); change != null; change = changes.poll()) {
                    change.run();
                }
                selector.select();
                var ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    read(key);
                }
            } catch (IOException e) {
                log.error("UDP event loop " + name + ": select failed", e);
            }
        }
    }

    private static void read(SelectionKey key) {
        try {
            if (key.isValid() && key.isReadable()) {
                ((Reader) key.attachment()).readReady();
            }
        } catch (CancelledKeyException | ClosedChannelException e) {
            key.cancel();
        } catch (IOException e) {
            log.warn("UDP receive failed: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        Thread loop = thread;
        if (loop != null) {
            try {
                loop.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        selector.close();
    }
}
