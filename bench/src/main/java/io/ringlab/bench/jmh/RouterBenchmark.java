package io.ringlab.bench.jmh;

import io.ringlab.agent.balancing.Strategies;
import io.ringlab.agent.routing.AgentStatistics;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.DatagramBytes;
import io.ringlab.agent.routing.HealthChecker;
import io.ringlab.agent.routing.Outgoing;
import io.ringlab.agent.routing.OutlierDetector;
import io.ringlab.agent.routing.PendingRequests;
import io.ringlab.agent.routing.RequestIds;
import io.ringlab.agent.routing.RequestRouter;
import io.ringlab.agent.routing.ServerStateReceiver;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.RawAnswers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent's whole logic for one request, without the sockets: a client's request is checked, balanced,
 * registered in a pending slot and re-framed for a server; the server's reply is matched to its slot, settled and
 * re-framed for the client. With {@code -prof gc}: the bytes the agent's routing allocates per request (none).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterBenchmark {

    @Param({"round-robin", "p2c-latency"})
    public String strategyName;

    private final InetSocketAddress client = new InetSocketAddress("127.0.0.1", 40000);
    private final byte[] payload = {1, 2, 3};
    private final byte[] clientRequest = FrameCodec.encodeRequest(7, payload);
    /** The server's reply, made once: the benchmark writes each request's id into it, as a server would. */
    private final byte[] serverReply = FrameCodec.encodeReversedReply(0, payload, 0, payload.length);

    private final Outgoing toServer = new Outgoing();
    private final Outgoing toClient = new Outgoing();
    private RequestRouter router;
    private Backends backends;

    @Setup
    public void setUp() {
        backends = new Backends(List.of(
                HostAndPort.parse("127.0.0.1:4242"),
                HostAndPort.parse("127.0.0.1:4243"),
                HostAndPort.parse("127.0.0.1:4244")));
        DropCounter drops = new DropCounter();
        OutlierDetector outliers = new OutlierDetector(backends, 5, 1_000_000_000L, 30_000_000_000L);
        ClusterKeyring keyring = new ClusterKeyring(ClusterKeys.insecure());
        HealthChecker health =
                new HealthChecker(backends, 2, (to, datagram) -> {}, new FrameSealer(keyring, 1), "bench", () -> 1);
        ServerStateReceiver states =
                new ServerStateReceiver(new FrameAuthenticator(keyring, 16), "bench", backends, health, drops);
        router = new RequestRouter(
                backends,
                Strategies.create(strategyName),
                new PendingRequests(65_536, new RequestIds(new SecureRandom())),
                new AgentStatistics(),
                drops,
                true,
                RawAnswers.defaults().limiter(),
                outliers,
                states,
                1472,
                null); // no retry budget
    }

    /**
     * A client's request through the agent: checked, a server chosen, a pending slot taken and the request re-framed
     * under the agent's id; then the server's reply matched to its slot, checked against the server it came from,
     * settled and re-framed for the client under the client's id.
     */
    @Benchmark
    public Outgoing requestAndReply() {
        long now = System.nanoTime();
        FrameCodec.rewriteRequestId(clientRequest, 7); // the client's id, as each new request from it would carry
        if (!router.fromClient(clientRequest, client, now, toServer)) {
            throw new IllegalStateException("request dropped");
        }
        FrameCodec.rewriteRequestId(serverReply, FrameCodec.requestId(toServer.datagram()));
        if (!router.fromServer(serverReply, toServer.destination(), now, toClient)) {
            throw new IllegalStateException("reply dropped");
        }
        return toClient;
    }

    /**
     * As {@link #requestAndReply()}, the reply read in place as the agent's transport reads it from Netty's buffer
     * ({@link DatagramBytes}), the client's id then written into it as the transport does.
     */
    @Benchmark
    public Outgoing requestAndReplyReadInPlace() {
        long now = System.nanoTime();
        FrameCodec.rewriteRequestId(clientRequest, 7);
        if (!router.fromClient(clientRequest, client, now, toServer)) {
            throw new IllegalStateException("request dropped");
        }
        FrameCodec.rewriteRequestId(serverReply, FrameCodec.requestId(toServer.datagram()));
        if (!router.fromServer(serverReplyInPlace, toServer.destination(), now, toClient)) {
            throw new IllegalStateException("reply dropped");
        }
        FrameCodec.rewriteRequestId(serverReply, toClient.clientRequestId());
        return toClient;
    }

    /** The server's reply as the router reads a received buffer, here over the array. */
    private final DatagramBytes serverReplyInPlace = new DatagramBytes() {
        @Override
        public int length() {
            return serverReply.length;
        }

        @Override
        public byte byteAt(int index) {
            return serverReply[index];
        }

        @Override
        public long longAt(int index) {
            return (long) LONG.get(serverReply, index);
        }

        @Override
        public byte[] toArray() {
            return serverReply.clone();
        }
    };

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
}
