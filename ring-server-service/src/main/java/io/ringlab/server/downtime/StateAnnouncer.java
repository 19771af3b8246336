package io.ringlab.server.downtime;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.ServerState;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.support.transport.DatagramSender;

/**
 * Tells every agent that pings this server a state, the seed's {@code d} and {@code u}: sealed for each agent,
 * under the name that agent knows this server by.
 */
public class StateAnnouncer {

    private final KnownAgents agents;
    private final DatagramSender sender;
    private final FrameSealer sealer;

    public StateAnnouncer(KnownAgents agents, DatagramSender sender, FrameSealer sealer) {
        this.agents = agents;
        this.sender = sender;
        this.sealer = sealer;
    }

    public void announce(ServerState state) {
        byte[] frame = FrameCodec.encode(state);
        for (KnownAgents.KnownAgent agent : agents.all()) {
            sender.send(agent.address(), sealer.seal(frame, agent.serverName(), agent.agent()));
        }
    }
}
