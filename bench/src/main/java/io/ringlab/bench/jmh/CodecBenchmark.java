package io.ringlab.bench.jmh;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.FrameType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The frame codec on the seed's request (payload 1,2,3): time and, with {@code -prof gc}, bytes per call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private final byte[] payload = {1, 2, 3};
    private final byte[] request = FrameCodec.encodeRequest(42, payload);
    private long id;

    @Benchmark
    public Decoded decodeRequest() {
        return FrameCodec.decode(request);
    }

    @Benchmark
    public long peekRequestId() {
        return FrameCodec.requestId(request);
    }

    @Benchmark
    public byte[] encodeRequest() {
        return FrameCodec.encodeRequest(++id, payload);
    }

    /** What the agent does to a client's request: check its type, read its id, put its own id in place. */
    @Benchmark
    public byte[] checkAndRewriteRequest() {
        if (FrameCodec.frameType(request) != FrameType.REQUEST) {
            throw new IllegalStateException();
        }
        return FrameCodec.rewriteRequestId(request, FrameCodec.requestId(request) + 1);
    }

    @Benchmark
    public byte[] encodeReversedReply() {
        return FrameCodec.encodeReversedReply(++id, payload, 0, payload.length);
    }
}
