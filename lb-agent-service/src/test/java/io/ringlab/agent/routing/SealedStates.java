package io.ringlab.agent.routing;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.ServerState;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.protocol.auth.Opened;

import java.util.Arrays;
import java.util.List;

/** One cluster key for a test: the agent's authenticator and sealer, and server states sealed as a server would. */
final class SealedStates {

    static final String AGENT = "agent-1";

    final ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.of(filled(32, 7), List.of()));
    final FrameAuthenticator authenticator = new FrameAuthenticator(keyring, 64);
    final FrameSealer agentSealer = new FrameSealer(keyring, 1);
    private final FrameSealer serverSealer = new FrameSealer(keyring, 2);

    /** {@code state} as the server the agent knows as {@code server} sends it to this agent. */
    byte[] from(Backend server, ServerState state) {
        return serverSealer.seal(FrameCodec.encode(state), server.name().toString(), AGENT);
    }

    /** The ping in a datagram the agent sealed for the server it names, or {@code null}. */
    Ping pingIn(byte[] datagram) {
        int at = FrameCodec.REQUEST_HEADER_LENGTH;
        String target = new String(datagram, at + 1, datagram[at] & 0xFF, java.nio.charset.StandardCharsets.UTF_8);
        if (!(new FrameAuthenticator(keyring, 4).open(datagram, datagram.length, target)
                instanceof Opened.Authentic authentic)) {
            return null;
        }
        return FrameCodec.decode(datagram, authentic.frameLength()) instanceof Decoded.Framed framed
                        && framed.frame() instanceof Ping ping
                ? ping
                : null;
    }

    /** The same, sealed under another key: a forgery. */
    static byte[] forged(Backend server, ServerState state) {
        return new FrameSealer(new ClusterKeyring(ClusterKeys.of(filled(32, 8), List.of())), 3)
                .seal(FrameCodec.encode(state), server.name().toString(), AGENT);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
