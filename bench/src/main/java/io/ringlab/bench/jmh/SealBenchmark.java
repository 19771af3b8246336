package io.ringlab.bench.jmh;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.ServerState;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.protocol.auth.Opened;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What sealing costs a control frame (a health ping, a server state): seal on the sender, open on the receiver
 * (MAC under the current key, anti-replay window), and a forgery's cost to the receiver (one MAC, then dropped).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SealBenchmark {

    private static final String SERVER = "ring-server-0.ring-server:4242";

    private FrameSealer sealer;
    private FrameAuthenticator authenticator;
    private byte[] ping;
    private byte[] state;
    private byte[] forged;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.of(key, List.of()));
        sealer = new FrameSealer(keyring, 1);
        authenticator = new FrameAuthenticator(keyring, 1024);
        ping = FrameCodec.encode(new Ping(42, SERVER));
        state = FrameCodec.encode(ServerState.up(7).answering(42));
        // a forger can copy the key id byte, so a forgery costs the receiver one MAC: a genuine frame, its MAC flipped
        forged = sealer.seal(state, SERVER, "agent-1");
        forged[forged.length - 1] ^= 1;
    }

    @Benchmark
    public byte[] sealPing() {
        return sealer.seal(ping, "agent-1", SERVER);
    }

    /** Seal then open a server state: the receiver's part is the difference with {@link #sealPing}'s like. */
    @Benchmark
    public Opened sealAndOpenState() {
        return authenticator.open(sealer.seal(state, SERVER, "agent-1"), "agent-1");
    }

    @Benchmark
    public Opened openForgery() {
        return authenticator.open(forged, "agent-1");
    }
}
