package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.FrameType;
import io.ringlab.protocol.ServerState;
import io.ringlab.support.transport.DropCounter;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The agent's logic, without I/O: a client request becomes a request to the chosen server under the
 * agent's own id; a server reply becomes the reply to the client that asked, under the client's id; a
 * server state takes the server out of rotation or puts it back.
 */
public class RequestRouter {

    private final Backends backends;
    private final BalancingStrategy strategy;
    private final PendingRequests pending;
    private final AgentStatistics statistics;
    private final DropCounter drops;
    private final boolean acceptRaw;
    private final OutlierDetector outliers;
    private final HealthChecker health;
    private final int maxPayload;
    private volatile boolean accepting = true;

    /** @param maxDatagramSize the largest frame the agent sends a server (a request header and its payload) */
    public RequestRouter(Backends backends, BalancingStrategy strategy, PendingRequests pending,
                         AgentStatistics statistics, DropCounter drops, boolean acceptRaw,
                         OutlierDetector outliers, HealthChecker health, int maxDatagramSize) {
        this.backends = backends;
        this.strategy = strategy;
        this.pending = pending;
        this.statistics = statistics;
        this.drops = drops;
        this.acceptRaw = acceptRaw;
        this.outliers = outliers;
        this.health = health;
        this.maxPayload = maxDatagramSize - FrameCodec.REQUEST_HEADER_LENGTH;
    }

    /**
     * A datagram from a client; returns what to send to a server, or {@code null} if it is dropped. A framed
     * request is forwarded in place, under the agent's id: the datagram is the caller's to give away.
     */
    public Outgoing fromClient(byte[] datagram, InetSocketAddress client, long nowNanos) {
        FrameType type = FrameCodec.frameType(datagram);
        boolean raw = type == null && acceptRaw && !FrameCodec.looksFramed(datagram, datagram.length);
        if (type != FrameType.REQUEST && !raw) {
            drops.drop(dropReason(FrameCodec.decode(datagram)));
            return null;
        }
        if (!accepting) {
            drops.drop(DropReason.SHUTTING_DOWN);
            return null;
        }
        if (raw && datagram.length > maxPayload) {
            // framing a raw datagram adds a header; the server would drop the frame as oversized
            drops.drop(DropReason.OVERSIZED);
            return null;
        }
        if (raw) {
            statistics.rawRequest();
        } else {
            statistics.framedRequest();
        }
        int server = strategy.choose(backends);
        if (server < 0) {
            drops.drop(DropReason.NO_SERVER);
            return null;
        }
        long id = pending.nextId();
        long clientRequestId = raw ? 0 : FrameCodec.requestId(datagram);
        byte[] forwarded = raw ? FrameCodec.encodeRequest(id, datagram) : FrameCodec.rewriteRequestId(datagram, id);
        if (!pending.register(id, client, clientRequestId, raw, forwarded, server, nowNanos)) {
            drops.drop(DropReason.PENDING_FULL);
            return null;
        }
        Backend backend = backends.get(server);
        backend.sent();
        return new Outgoing(backend.address(), forwarded);
    }

    /**
     * A datagram from a server: a reply becomes the reply to send to its client (in place, under the client's
     * id, for a framed request); a server state takes the server out of rotation or puts it back. Returns
     * {@code null} when there is nothing to send.
     */
    public Outgoing fromServer(byte[] datagram, InetSocketAddress server, long nowNanos) {
        FrameType type = FrameCodec.frameType(datagram);
        if (type == FrameType.SERVER_STATE) {
            Decoded decoded = FrameCodec.decode(datagram);
            if (decoded instanceof Decoded.Framed framed && framed.frame() instanceof ServerState state) {
                applyState(state, server);
            } else {
                drops.drop(dropReason(decoded));
            }
            return null;
        }
        if (type != FrameType.REPLY) {
            Decoded decoded = FrameCodec.decode(datagram);
            drops.drop(decoded instanceof Decoded.Raw ? DropReason.NOT_A_FRAME : dropReason(decoded));
            return null;
        }
        PendingRequests.Pending request = pending.complete(FrameCodec.requestId(datagram));
        if (request == null) {
            drops.drop(DropReason.UNKNOWN_REQUEST);
            return null;
        }
        int current = request.settle();
        backends.get(current).settled();
        Backend replier = backends.byAddress(server);
        if (replier != null) {
            // the server of the latest try answered, or the one before it did, late
            long sentNanos = replier.index() == current ? request.lastSentNanos() : request.firstSentNanos();
            replier.replied(nowNanos - sentNanos);
            outliers.success(replier.index());
        }
        statistics.replyDelivered();
        byte[] toClient = request.raw()
                ? Arrays.copyOfRange(datagram, FrameCodec.REQUEST_HEADER_LENGTH, datagram.length)
                : FrameCodec.rewriteRequestId(datagram, request.clientRequestId());
        return new Outgoing(request.client(), toClient);
    }

    /** Stops taking new client requests (shutdown); those pending still get their replies. */
    public void stopAccepting() {
        accepting = false;
    }

    private void applyState(ServerState state, InetSocketAddress server) {
        Backend backend = backends.byAddress(server);
        if (backend == null) {
            drops.drop(DropReason.UNKNOWN_SENDER);
            return;
        }
        health.answered(backend);
        if (!backend.apply(state)) {
            drops.drop(DropReason.STALE);
        }
    }

    private static DropReason dropReason(Decoded decoded) {
        if (decoded instanceof Decoded.Invalid invalid) {
            return invalid.reason();
        }
        return decoded instanceof Decoded.Raw ? DropReason.NOT_A_FRAME : DropReason.UNEXPECTED_TYPE;
    }
}
