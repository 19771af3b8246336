package io.ringlab.agent.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.ringlab.agent.routing.Outgoing;
import io.ringlab.agent.routing.RequestRouter;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.support.transport.DatagramBatch;

import java.net.InetSocketAddress;

/**
 * The agent's two steps over a read batch, one datagram at a time: a client's request routed to a server, a
 * server's reply routed to its client. What the router decides is added to the outgoing batch, made of the received
 * buffer where it can be:
 * <ul>
 *   <li>a reply: always. The router reads the reply where Netty received it; the reply to a framed request is that
 *       same buffer with the client's request id written in, the reply to a raw request a slice of it after the
 *       header. No copy, no new buffer.
 *   <li>a framed request: the received buffer, with the agent's request id written in. One copy stays, into a
 *       {@code byte[]}: the pending request keeps the forwarded frame for its retries, which leave later, from
 *       another thread, when the received buffer has long gone back to Netty's pool.
 *   <li>a raw request: framed anew (it gets a header), so a new buffer.
 * </ul>
 */
final class RoutingSteps {

    /** What the router fills in, and the received buffer as the router reads it: one each per loop thread. */
    private static final ThreadLocal<Outgoing> OUTGOING = ThreadLocal.withInitial(Outgoing::new);

    private static final ThreadLocal<ByteBufBytes> BYTES = ThreadLocal.withInitial(ByteBufBytes::new);

    private final RequestRouter router;

    RoutingSteps(RequestRouter router) {
        this.router = router;
    }

    void request(ByteBuf datagram, InetSocketAddress client, long nowNanos, DatagramBatch out) {
        Outgoing toServer = OUTGOING.get();
        byte[] kept = ByteBufUtil.getBytes(datagram);
        if (!router.fromClient(kept, client, nowNanos, toServer)) {
            return;
        }
        byte[] forwarded = toServer.datagram();
        ByteBuf toSend;
        if (forwarded == kept) { // a framed request, forwarded in place under the agent's id
            toSend = datagram.setLong(datagram.readerIndex() + FrameCodec.HEADER_LENGTH, FrameCodec.requestId(kept))
                    .retain();
        } else {
            toSend = datagram.alloc().directBuffer(forwarded.length).writeBytes(forwarded);
        }
        out.add(toSend, toServer.destination());
    }

    void reply(ByteBuf datagram, InetSocketAddress server, long nowNanos, DatagramBatch out) {
        Outgoing toClient = OUTGOING.get();
        if (!router.fromServer(BYTES.get().wrap(datagram), server, nowNanos, toClient)) {
            return;
        }
        int start = datagram.readerIndex();
        ByteBuf toSend = toClient.rawReply()
                ? datagram.retainedSlice(
                        start + FrameCodec.REQUEST_HEADER_LENGTH,
                        datagram.readableBytes() - FrameCodec.REQUEST_HEADER_LENGTH)
                : datagram.setLong(start + FrameCodec.HEADER_LENGTH, toClient.clientRequestId())
                        .retain();
        out.add(toSend, toClient.destination());
    }
}
