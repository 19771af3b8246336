package io.ringlab.agent.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.ringlab.agent.routing.Outgoing;
import io.ringlab.agent.routing.RequestRouter;
import io.ringlab.support.transport.DatagramBatch;

import java.net.InetSocketAddress;

/**
 * The agent's two steps over a read batch, one datagram at a time: a client's request routed to a server, a
 * server's reply routed to its client. What the router decides is added to the outgoing batch.
 */
final class RoutingSteps {

    /** What the router fills in, one per loop thread. */
    private static final ThreadLocal<Outgoing> OUTGOING = ThreadLocal.withInitial(Outgoing::new);

    private final RequestRouter router;

    RoutingSteps(RequestRouter router) {
        this.router = router;
    }

    void request(ByteBuf datagram, InetSocketAddress client, long nowNanos, DatagramBatch out) {
        Outgoing toServer = OUTGOING.get();
        if (router.fromClient(ByteBufUtil.getBytes(datagram), client, nowNanos, toServer)) {
            out.add(Unpooled.wrappedBuffer(toServer.datagram()), toServer.destination());
        }
    }

    void reply(ByteBuf datagram, InetSocketAddress server, long nowNanos, DatagramBatch out) {
        Outgoing toClient = OUTGOING.get();
        if (router.fromServer(ByteBufUtil.getBytes(datagram), server, nowNanos, toClient)) {
            out.add(Unpooled.wrappedBuffer(toClient.datagram()), toClient.destination());
        }
    }
}
