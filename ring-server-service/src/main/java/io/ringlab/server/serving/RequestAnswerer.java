package io.ringlab.server.serving;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Payloads;
import io.ringlab.protocol.Request;
import io.ringlab.support.transport.DropCounter;

import java.net.InetSocketAddress;

/**
 * Answers one datagram: a framed request gets a framed reply with the same id and the payload reversed;
 * a raw (unframed) datagram gets the raw payload reversed, so that socat, nc or any UDP proxy can drive
 * the server. Anything else is dropped and counted. No I/O here: the caller sends what this returns.
 */
public class RequestAnswerer {

    private final ServerStatistics statistics;
    private final KnownAgents agents;
    private final DropCounter drops;

    public RequestAnswerer(ServerStatistics statistics, KnownAgents agents, DropCounter drops) {
        this.statistics = statistics;
        this.agents = agents;
        this.drops = drops;
    }

    /** The reply datagram, or {@code null} when the datagram is dropped. */
    public byte[] answer(byte[] datagram, InetSocketAddress sender, long nowNanos) {
        Decoded decoded = FrameCodec.decode(datagram);
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
}
