package io.ringlab.server.election;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.ServerState;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.support.transport.DatagramSender;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells every agent that has sent this server requests that it is going down ({@code d}) or is back
 * ({@code u}), as the seed did. Each state carries a sequence that starts from this process's start time,
 * so agents can tell a newer state from an older one, even across a restart.
 */
public class StateAnnouncer {

    private final KnownAgents agents;
    private final DatagramSender sender;
    private final AtomicLong sequence = new AtomicLong(TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()));

    public StateAnnouncer(KnownAgents agents, DatagramSender sender) {
        this.agents = agents;
        this.sender = sender;
    }

    public void announceDown(long remainingNanos) {
        send(downState(remainingNanos));
    }

    /** The {@code d} state, for an agent that sends a request while this server is down. */
    public byte[] downState(long remainingNanos) {
        return FrameCodec.encode(ServerState.down(sequence.incrementAndGet(), TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
    }

    public void announceUp() {
        send(FrameCodec.encode(ServerState.up(sequence.incrementAndGet())));
    }

    private void send(byte[] datagram) {
        agents.all().forEach(agent -> sender.send(agent, datagram));
    }
}
