package io.ringlab.agent.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.ringlab.agent.routing.DatagramBytes;

/** A received buffer's readable bytes as the router reads them, in place. Reused: one per loop thread. */
final class ByteBufBytes implements DatagramBytes {

    private ByteBuf buffer;

    ByteBufBytes wrap(ByteBuf buffer) {
        this.buffer = buffer;
        return this;
    }

    @Override
    public int length() {
        return buffer.readableBytes();
    }

    @Override
    public byte byteAt(int index) {
        return buffer.getByte(buffer.readerIndex() + index);
    }

    @Override
    public long longAt(int index) {
        return buffer.getLong(buffer.readerIndex() + index);
    }

    @Override
    public byte[] toArray() {
        return ByteBufUtil.getBytes(buffer);
    }
}
