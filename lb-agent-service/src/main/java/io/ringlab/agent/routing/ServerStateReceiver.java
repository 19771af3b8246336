package io.ringlab.agent.routing;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.ServerState;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.Opened;
import io.ringlab.support.transport.DropCounter;

/**
 * Takes the servers' states ({@code d}/{@code u} announcements and health answers), each sealed for this agent by
 * the server under the name the agent knows it by: the MAC and freshness are checked before anything else is read,
 * and the sealed name, not the datagram's source address (which anybody can forge), says which server it is.
 */
public class ServerStateReceiver {

    private final FrameAuthenticator authenticator;
    private final String agentName;
    private final Backends backends;
    private final HealthChecker health;
    private final DropCounter drops;

    public ServerStateReceiver(
            FrameAuthenticator authenticator,
            String agentName,
            Backends backends,
            HealthChecker health,
            DropCounter drops) {
        this.authenticator = authenticator;
        this.agentName = agentName;
        this.backends = backends;
        this.health = health;
        this.drops = drops;
    }

    public void receive(byte[] datagram) {
        Opened opened = authenticator.open(datagram, datagram.length, agentName);
        if (opened instanceof Opened.Rejected rejected) {
            drops.drop(rejected.reason());
            return;
        }
        Opened.Authentic authentic = (Opened.Authentic) opened;
        Backend backend = backends.byName(authentic.sender());
        if (backend == null) {
            drops.drop(DropReason.UNKNOWN_SENDER);
            return;
        }
        Decoded decoded = FrameCodec.decode(datagram, authentic.frameLength());
        if (!(decoded instanceof Decoded.Framed framed && framed.frame() instanceof ServerState state)) {
            drops.drop(decoded.dropReason());
            return;
        }
        if (!health.answered(backend, state.echo()) || !backend.apply(state)) {
            drops.drop(DropReason.STALE);
        }
    }
}
