package io.ringlab.server.serving;

import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.FrameType;
import io.ringlab.protocol.Payloads;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;

import java.net.InetSocketAddress;

/**
 * Answers one datagram: a framed request gets a framed reply with the same id and the payload reversed; a raw
 * (unframed) datagram, when raw answers are on, gets the raw payload reversed, so that socat, nc or any UDP proxy
 * can drive the server; a health ping goes to the {@link PingAnswerer}. Anything else is dropped and counted.
 * <p>
 * No answer is ever larger than the unauthenticated datagram it answers, none goes to a ring member's address (two
 * servers made to answer each other would bounce a datagram forever), and raw answers are rate-limited per source.
 * In planned downtime no request is answered; agents learn the state from their health pings. No I/O here: the
 * caller sends what this returns.
 */
public class RequestAnswerer {

    private final ServerStatistics statistics;
    private final DropCounter drops;
    private final PlannedDowntime downtime;
    private final PingAnswerer pings;
    private final MemberAddresses members;
    private final boolean answerRaw;
    private final SourceRateLimiter rawRate;

    public RequestAnswerer(
            ServerStatistics statistics,
            DropCounter drops,
            PlannedDowntime downtime,
            PingAnswerer pings,
            MemberAddresses members,
            boolean answerRaw,
            SourceRateLimiter rawRate) {
        this.statistics = statistics;
        this.drops = drops;
        this.downtime = downtime;
        this.pings = pings;
        this.members = members;
        this.answerRaw = answerRaw;
        this.rawRate = rawRate;
    }

    /** The datagram to send back to the sender, or {@code null} when there is none. */
    public byte[] answer(byte[] datagram, InetSocketAddress sender, long nowNanos) {
        FrameType type = FrameCodec.frameType(datagram);
        if (type == FrameType.REQUEST) {
            // the common case, answered without decoding into objects
            if (refused(sender, nowNanos)) {
                return null;
            }
            statistics.framedRequest();
            int header = FrameCodec.REQUEST_HEADER_LENGTH;
            return FrameCodec.encodeReversedReply(
                    FrameCodec.requestId(datagram), datagram, header, datagram.length - header);
        }
        if (type == FrameType.PING) {
            return pings.answer(datagram, sender, nowNanos);
        }
        if (type == null && !FrameCodec.looksFramed(datagram, datagram.length) && datagram.length > 0) {
            return answerRaw(datagram, sender, nowNanos);
        }
        drops.drop(FrameCodec.decode(datagram).dropReason());
        return null;
    }

    private byte[] answerRaw(byte[] datagram, InetSocketAddress sender, long nowNanos) {
        if (!answerRaw) {
            drops.drop(DropReason.NOT_A_FRAME);
            return null;
        }
        if (refused(sender, nowNanos)) {
            return null;
        }
        if (!rawRate.allow(sender, nowNanos)) {
            drops.drop(DropReason.RATE_LIMITED);
            return null;
        }
        statistics.rawRequest();
        return Payloads.reverse(datagram);
    }

    /** A request from a ring member, or one that arrives in planned downtime: dropped and counted. */
    private boolean refused(InetSocketAddress sender, long nowNanos) {
        if (members.isMember(sender)) {
            drops.drop(DropReason.FROM_MEMBER);
            return true;
        }
        if (downtime.silent(nowNanos)) {
            drops.drop(DropReason.SERVER_DOWN);
            return true;
        }
        return false;
    }
}
