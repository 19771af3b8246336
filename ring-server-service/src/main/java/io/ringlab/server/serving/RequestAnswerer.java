package io.ringlab.server.serving;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.FrameType;
import io.ringlab.protocol.Payloads;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.Request;
import io.ringlab.support.transport.DropCounter;

import java.net.InetSocketAddress;

/**
 * Answers one datagram: a framed request gets a framed reply with the same id and the payload reversed;
 * a raw (unframed) datagram gets the raw payload reversed, so that socat, nc or any UDP proxy can drive
 * the server. Anything else is dropped and counted. In planned downtime no request is answered; an agent
 * that sends one gets this server's {@code d} state instead, and is remembered so that it hears the
 * {@code u} later (the seed announced only to agents it already knew). A health ping is answered with the
 * server's state, always. No I/O here: the caller sends what this returns.
 */
public class RequestAnswerer {

    private final ServerStatistics statistics;
    private final KnownAgents agents;
    private final DropCounter drops;
    private final PlannedDowntime downtime;

    public RequestAnswerer(ServerStatistics statistics, KnownAgents agents, DropCounter drops, PlannedDowntime downtime) {
        this.statistics = statistics;
        this.agents = agents;
        this.drops = drops;
        this.downtime = downtime;
    }

    /** The datagram to send back to the sender, or {@code null} when there is none. */
    public byte[] answer(byte[] datagram, InetSocketAddress sender, long nowNanos) {
        if (FrameCodec.frameType(datagram) == FrameType.REQUEST && !downtime.silent(nowNanos)) {
            // the common case, answered without decoding into objects
            statistics.framedRequest();
            agents.heardFrom(sender, nowNanos);
            int header = FrameCodec.REQUEST_HEADER_LENGTH;
            return FrameCodec.encodeReversedReply(FrameCodec.requestId(datagram), datagram, header,
                    datagram.length - header);
        }
        Decoded decoded = FrameCodec.decode(datagram);
        if (decoded instanceof Decoded.Framed framed && framed.frame() instanceof Ping) {
            // health checks are answered even in planned downtime: the answer says so
            agents.heardFrom(sender, nowNanos);
            return downtime.state(nowNanos);
        }
        if (downtime.silent(nowNanos)) {
            return whileDown(decoded, sender, nowNanos);
        }
        if (decoded instanceof Decoded.Raw raw) {
            statistics.rawRequest();
            return Payloads.reverse(raw.payload());
        }
        if (decoded instanceof Decoded.Framed framed && framed.frame() instanceof Request request) {
            statistics.framedRequest();
            agents.heardFrom(sender, nowNanos);
            return FrameCodec.encodeReversedReply(request.requestId(), request.payload(), 0, request.payload().length);
        }
        drops.drop(decoded instanceof Decoded.Invalid invalid ? invalid.reason() : DropReason.UNEXPECTED_TYPE);
        return null;
    }

    private byte[] whileDown(Decoded decoded, InetSocketAddress sender, long nowNanos) {
        drops.drop(DropReason.SERVER_DOWN);
        if (decoded instanceof Decoded.Framed framed && framed.frame() instanceof Request) {
            agents.heardFrom(sender, nowNanos);
            return downtime.state(nowNanos);
        }
        return null;
    }
}
