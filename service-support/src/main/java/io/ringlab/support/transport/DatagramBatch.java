package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * The datagrams of one read (received: each with its sender) or of one write batch (to send: each with its
 * destination), as pooled {@link ByteBuf}s: the payload of the one message a read batch sends down a flow.
 * <p>
 * A batch is reused: one per socket and loop thread, cleared when its message has been handled. So it is valid only
 * during the synchronous send of its message on the loop thread that filled it (the flows' channels are
 * {@code DirectChannel}s): a step must not keep it, nor its buffers, after it returns, nor hand it to another thread
 * ({@link #retain}ing a buffer is how to keep one, which the step then releases).
 * <p>
 * The batch owns one reference to each buffer {@link #add}ed and releases it in {@link #clear()}.
 */
public final class DatagramBatch {

    /** Datagrams a batch holds: at most what one read takes from a socket. */
    public static final int CAPACITY = 64;

    private final ByteBuf[] contents = new ByteBuf[CAPACITY];
    private final InetSocketAddress[] addresses = new InetSocketAddress[CAPACITY];
    private int size;

    /** Takes over one reference to {@code content}; the caller checks {@link #isFull()} first. */
    public void add(ByteBuf content, InetSocketAddress address) {
        if (size == CAPACITY) {
            content.release();
            throw new IllegalStateException("a batch holds " + CAPACITY + " datagrams");
        }
        contents[size] = content;
        addresses[size] = address;
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == CAPACITY;
    }

    /** The bytes of datagram {@code i}, from its reader index; the batch still owns them. */
    public ByteBuf content(int i) {
        check(i);
        return contents[i];
    }

    /** The sender of a received datagram, or the destination of one to send. */
    public InetSocketAddress address(int i) {
        check(i);
        return addresses[i];
    }

    /** Releases every buffer and empties the batch, for the next read. */
    public void clear() {
        for (int i = 0; i < size; i++) {
            ByteBuf content = contents[i];
            contents[i] = null;
            addresses[i] = null;
            content.release();
        }
        size = 0;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("datagram " + i + " of a batch of " + size);
        }
    }
}
