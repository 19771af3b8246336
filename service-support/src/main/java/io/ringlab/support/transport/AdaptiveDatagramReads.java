package io.ringlab.support.transport;

import io.netty.channel.ChannelConfig;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * Receive buffers for batched datagram reads that follow the load. Netty's epoll channel reads as many datagrams per
 * call as the buffer has slots ({@code recvmmsg}), or one with a plain {@code recvmsg} when it has one. Here the
 * buffer has one slot while each wake-up brings one datagram (at one request in flight a {@code recvmmsg} of 16 costs
 * more than a {@code recvmsg}, and its buffer more to prepare), and all {@code maxSlots} as soon as a wake-up brings
 * more: sized to the last read loop's count instead, a loop that happened to bring few would make the next take a
 * queue in several calls.
 */
final class AdaptiveDatagramReads extends DefaultMaxMessagesRecvByteBufAllocator {

    private final int slot;
    private final int maxSlots;

    /**
     * @param slot     bytes a datagram may take (the channel's {@code MAX_DATAGRAM_PAYLOAD_SIZE})
     * @param maxSlots the most datagrams one read takes
     */
    AdaptiveDatagramReads(int slot, int maxSlots, int maxMessagesPerRead) {
        super(maxMessagesPerRead);
        if (slot <= 0 || maxSlots <= 0) {
            throw new IllegalArgumentException("slot and maxSlots must be positive");
        }
        this.slot = slot;
        this.maxSlots = maxSlots;
    }

    @Override
    public Handle newHandle() {
        return new SlotsHandle();
    }

    /** One per channel, used by its event loop only. */
    final class SlotsHandle extends MaxMessageHandle {

        private int slots = 1;
        private int datagramsThisRead;

        /** Slots the next read's buffer has. */
        int slots() {
            return slots;
        }

        @Override
        public int guess() {
            return slot * slots;
        }

        @Override
        public void reset(ChannelConfig config) {
            super.reset(config);
            datagramsThisRead = 0;
        }

        /** A {@code recvmmsg} reports its datagrams times the slot; a plain read the datagram's bytes. */
        @Override
        public void lastBytesRead(int bytes) {
            super.lastBytesRead(bytes);
            if (bytes > 0) {
                datagramsThisRead += Math.max(1, bytes / slot);
            }
        }

        @Override
        public void readComplete() {
            super.readComplete();
            slots = datagramsThisRead <= 1 ? 1 : maxSlots;
        }
    }
}
