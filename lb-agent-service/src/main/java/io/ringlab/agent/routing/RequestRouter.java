package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.FrameType;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The agent's logic, without I/O: a client request becomes a request to the chosen server under the
 * agent's own id; a server reply becomes the reply to the client that asked, under the client's id; a
 * server state takes the server out of rotation or puts it back.
 * <p>
 * A reply is taken only from a server the request was sent to, under an id nobody else could know; nothing that
 * comes from one of the agent's servers is taken as a client request (a server made to answer the agent's client
 * port would otherwise bounce datagrams with it forever); raw requests are rate-limited per source.
 */
public class RequestRouter {

    private final Backends backends;
    private final BalancingStrategy strategy;
    private final PendingRequests pending;
    private final AgentStatistics statistics;
    private final DropCounter drops;
    private final boolean acceptRaw;
    private final SourceRateLimiter rawRate;
    private final OutlierDetector outliers;
    private final ServerStateReceiver states;
    private final int maxPayload;
    private final RetryBudget budget;
    private volatile boolean accepting = true;
    private volatile ReplyTimes replyTimes = ReplyTimes.NONE;

    /**
     * @param maxDatagramSize the largest frame the agent sends a server (a request header and its payload)
     * @param budget          the retry budget every new request adds to; {@code null} for none
     */
    public RequestRouter(
            Backends backends,
            BalancingStrategy strategy,
            PendingRequests pending,
            AgentStatistics statistics,
            DropCounter drops,
            boolean acceptRaw,
            SourceRateLimiter rawRate,
            OutlierDetector outliers,
            ServerStateReceiver states,
            int maxDatagramSize,
            RetryBudget budget) {
        this.backends = backends;
        this.strategy = strategy;
        this.pending = pending;
        this.statistics = statistics;
        this.drops = drops;
        this.acceptRaw = acceptRaw;
        this.rawRate = rawRate;
        this.outliers = outliers;
        this.states = states;
        this.maxPayload = maxDatagramSize - FrameCodec.REQUEST_HEADER_LENGTH;
        this.budget = budget;
    }

    /**
     * A datagram from a client; returns what to send to a server, or {@code null} if it is dropped. A framed
     * request is forwarded in place, under the agent's id: the datagram is the caller's to give away.
     */
    public Outgoing fromClient(byte[] datagram, InetSocketAddress client, long nowNanos) {
        Outgoing out = new Outgoing();
        return fromClient(datagram, client, nowNanos, out) ? out : null;
    }

    /**
     * As {@link #fromClient(byte[], InetSocketAddress, long)}, filling in {@code out} instead of allocating; false
     * when the datagram is dropped. Allocates nothing for a framed request.
     */
    public boolean fromClient(byte[] datagram, InetSocketAddress client, long nowNanos, Outgoing out) {
        FrameType type = FrameCodec.frameType(datagram);
        boolean raw = type == null && acceptRaw && !FrameCodec.looksFramed(datagram, datagram.length);
        if (type != FrameType.REQUEST && !raw) {
            drops.drop(FrameCodec.decode(datagram).dropReason());
            return false;
        }
        if (!accepting) {
            drops.drop(DropReason.SHUTTING_DOWN);
            return false;
        }
        if (backends.byAddress(client) != null) {
            drops.drop(DropReason.FROM_MEMBER);
            return false;
        }
        if (raw && datagram.length > maxPayload) {
            // framing a raw datagram adds a header; the server would drop the frame as oversized
            drops.drop(DropReason.OVERSIZED);
            return false;
        }
        if (raw && !rawRate.allow(client, nowNanos)) {
            drops.drop(DropReason.RATE_LIMITED);
            return false;
        }
        if (raw) {
            statistics.rawRequest();
        } else {
            statistics.framedRequest();
        }
        int server = strategy.choose(backends);
        boolean panic = false;
        if (server < 0) {
            server = strategy.choose(backends.notInPlannedDowntime());
            panic = true;
        }
        if (server < 0) {
            drops.drop(DropReason.NO_SERVER);
            return false;
        }
        long clientRequestId = raw ? 0 : FrameCodec.requestId(datagram);
        byte[] forwarded = raw ? FrameCodec.encodeRequest(0, datagram) : datagram;
        PendingRequests.Pending slot = pending.register(client, clientRequestId, raw, forwarded, server, nowNanos);
        if (slot == null) {
            drops.drop(DropReason.PENDING_FULL);
            return false;
        }
        if (budget != null) {
            budget.request(nowNanos);
        }
        if (panic) {
            backends.panicked();
        }
        Backend backend = backends.get(server);
        backend.sent();
        out.set(backend.address(), forwarded);
        return true;
    }

    /**
     * A datagram from a server: a reply becomes the reply to send to its client (in place, under the client's
     * id, for a framed request); a server state takes the server out of rotation or puts it back. Returns
     * {@code null} when there is nothing to send.
     */
    public Outgoing fromServer(byte[] datagram, InetSocketAddress server, long nowNanos) {
        Outgoing out = new Outgoing();
        return fromServer(datagram, server, nowNanos, out) ? out : null;
    }

    /**
     * As {@link #fromServer(byte[], InetSocketAddress, long)}, filling in {@code out} instead of allocating; false
     * when there is nothing to send. Allocates nothing for the reply to a framed request.
     */
    public boolean fromServer(byte[] datagram, InetSocketAddress server, long nowNanos, Outgoing out) {
        FrameType type = FrameCodec.frameType(datagram);
        if (type == FrameType.SERVER_STATE) {
            states.receive(datagram);
            return false;
        }
        if (type != FrameType.REPLY) {
            drops.drop(FrameCodec.decode(datagram).dropReason());
            return false;
        }
        if (!settleReply(FrameCodec.requestId(datagram), server, nowNanos, out)) {
            return false;
        }
        byte[] toClient = out.rawReply()
                ? Arrays.copyOfRange(datagram, FrameCodec.REQUEST_HEADER_LENGTH, datagram.length)
                : FrameCodec.rewriteRequestId(datagram, out.clientRequestId());
        out.set(out.destination(), toClient);
        return true;
    }

    /**
     * As {@link #fromServer(byte[], InetSocketAddress, long, Outgoing)} for a datagram read where the transport keeps
     * it, which the router does not copy: {@code out} says where the reply goes and how the caller makes it of the
     * datagram ({@link Outgoing#rawReply()}: its payload after the header; else the datagram with
     * {@link Outgoing#clientRequestId()} written as its request id); its {@link Outgoing#datagram()} is {@code null}.
     */
    public boolean fromServer(DatagramBytes datagram, InetSocketAddress server, long nowNanos, Outgoing out) {
        FrameType type = datagram.length() < FrameCodec.HEADER_LENGTH
                ? null
                : FrameCodec.frameType(
                        datagram.length(),
                        datagram.byteAt(0),
                        datagram.byteAt(1),
                        datagram.byteAt(2),
                        datagram.byteAt(3));
        if (type == FrameType.SERVER_STATE) {
            states.receive(datagram.toArray());
            return false;
        }
        if (type != FrameType.REPLY) {
            drops.drop(FrameCodec.decode(datagram.toArray()).dropReason());
            return false;
        }
        return settleReply(datagram.longAt(FrameCodec.HEADER_LENGTH), server, nowNanos, out);
    }

    /** The reply under {@code id} from {@code server}: settles its request once and says where it goes in {@code out}. */
    private boolean settleReply(long id, InetSocketAddress server, long nowNanos, Outgoing out) {
        PendingRequests.Pending request = pending.peek(id);
        if (request == null) {
            drops.drop(DropReason.UNKNOWN_REQUEST);
            return false;
        }
        Backend replier = backends.byAddress(server);
        if (replier == null || !request.sentTo(replier.index())) {
            drops.drop(DropReason.WRONG_SOURCE);
            return false;
        }
        if (!pending.complete(id, request)) {
            drops.drop(DropReason.UNKNOWN_REQUEST); // answered or expired meanwhile
            return false;
        }
        try {
            int current = request.server();
            backends.get(current).settled();
            // the server of the latest try answered, or an earlier one did, late
            long sentNanos = replier.index() == current ? request.lastSentNanos() : request.firstSentNanos();
            replier.replied(nowNanos - sentNanos);
            replyTimes.replied(replier.index(), nowNanos - sentNanos);
            outliers.success(replier.index(), request.sentNanosTo(replier.index()));
            statistics.replyDelivered();
            out.reply(request.client(), request.clientRequestId(), request.raw());
            return true;
        } finally {
            pending.release(request);
        }
    }

    /** Where each reply's upstream response time goes (the metrics); by default nowhere. */
    public void reportReplyTimesTo(ReplyTimes replyTimes) {
        this.replyTimes = replyTimes;
    }

    /** Stops taking new client requests (shutdown); those pending still get their replies. */
    public void stopAccepting() {
        accepting = false;
    }
}
