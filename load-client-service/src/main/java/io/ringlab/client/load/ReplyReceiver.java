package io.ringlab.client.load;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Reply;
import io.ringlab.support.transport.DropCounter;

/** Hands each reply datagram to the worker waiting for it; counts the rest. */
public class ReplyReceiver {

    private final ReplyWaiters waiters;
    private final LoadStatistics statistics;
    private final DropCounter drops;

    public ReplyReceiver(ReplyWaiters waiters, LoadStatistics statistics, DropCounter drops) {
        this.waiters = waiters;
        this.statistics = statistics;
        this.drops = drops;
    }

    public void receive(byte[] datagram, long arrivedNanos) {
        Decoded decoded = FrameCodec.decode(datagram);
        if (decoded instanceof Decoded.Framed framed && framed.frame() instanceof Reply reply) {
            if (!waiters.deliver(reply.requestId(), reply.payload(), arrivedNanos)) {
                statistics.lateReply();
                drops.drop(DropReason.UNKNOWN_REQUEST);
            }
        } else {
            drops.drop(decoded.dropReason());
        }
    }
}
