package io.ringlab.server.serving;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.Utf8;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.protocol.auth.Opened;
import io.ringlab.support.transport.DropCounter;

import java.net.InetSocketAddress;

/**
 * Answers an agent's health ping with this server's state, even in planned downtime, sealed for that agent and
 * echoing the ping's nonce; and remembers the agent, so that it hears the {@code d} and {@code u} later. A ping is
 * answered only once its MAC and freshness are checked: an unauthenticated one gets nothing back and is not
 * remembered (an answer would let a forged source be flooded with states it never asked for).
 */
public class PingAnswerer {

    private final FrameAuthenticator authenticator;
    private final FrameSealer sealer;
    private final KnownAgents agents;
    private final PlannedDowntime downtime;
    private final DropCounter drops;
    private final String ownName;

    /**
     * @param ownName this server's member id (its ring id), the only target its pings may name; {@code null} for a
     *                server outside a ring, which takes the name each agent knows it by
     */
    public PingAnswerer(
            FrameAuthenticator authenticator,
            FrameSealer sealer,
            KnownAgents agents,
            PlannedDowntime downtime,
            DropCounter drops,
            String ownName) {
        this.authenticator = authenticator;
        this.sealer = sealer;
        this.agents = agents;
        this.downtime = downtime;
        this.drops = drops;
        this.ownName = ownName;
    }

    /** The sealed state to send back, or {@code null} (dropped and counted). */
    public byte[] answer(byte[] datagram, InetSocketAddress source, long nowNanos) {
        String receiver = ownName != null ? ownName : targetNamed(datagram);
        Opened opened = receiver == null
                ? new Opened.Rejected(DropReason.AUTH_FAILED)
                : authenticator.open(datagram, datagram.length, receiver);
        if (opened instanceof Opened.Rejected rejected) {
            drops.drop(rejected.reason());
            return null;
        }
        Opened.Authentic authentic = (Opened.Authentic) opened;
        if (!(FrameCodec.decode(datagram, authentic.frameLength()) instanceof Decoded.Framed framed
                && framed.frame() instanceof Ping ping
                && ping.target().equals(receiver))) {
            drops.drop(DropReason.MALFORMED);
            return null;
        }
        agents.heardFrom(new KnownAgents.KnownAgent(source, authentic.sender(), ping.target()));
        return sealer.seal(
                FrameCodec.encode(downtime.state(nowNanos).answering(ping.nonce())), ping.target(), authentic.sender());
    }

    /**
     * The target a ping names, read before its MAC is checked only to know which receiver to check it for; the MAC
     * covers it. {@code null} if there is none.
     */
    private static String targetNamed(byte[] datagram) {
        int at = FrameCodec.REQUEST_HEADER_LENGTH;
        if (datagram.length <= at) {
            return null;
        }
        int length = datagram[at] & 0xFF;
        if (length == 0 || at + 1 + length > datagram.length) {
            return null;
        }
        return Utf8.decode(datagram, at + 1, length);
    }
}
