package io.ringlab.server.election;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.ServerState;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.support.transport.DatagramSender;

/** Tells every agent that has sent this server requests or pings a state: the seed's {@code d} and {@code u}. */
public class StateAnnouncer {

    private final KnownAgents agents;
    private final DatagramSender sender;

    public StateAnnouncer(KnownAgents agents, DatagramSender sender) {
        this.agents = agents;
        this.sender = sender;
    }

    public void announce(ServerState state) {
        byte[] datagram = FrameCodec.encode(state);
        agents.all().forEach(agent -> sender.send(agent, datagram));
    }
}
