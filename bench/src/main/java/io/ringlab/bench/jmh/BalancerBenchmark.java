package io.ringlab.bench.jmh;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.agent.balancing.FakeServers;
import io.ringlab.agent.balancing.Strategies;
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

import java.util.concurrent.TimeUnit;

/** One balancing choice among three servers, one of them down, for every strategy. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BalancerBenchmark {

    @Param({"round-robin", "least-outstanding", "p2c-outstanding", "p2c-latency", "weighted-round-robin"})
    public String strategyName;

    private BalancingStrategy strategy;
    private final FakeServers servers = new FakeServers(true, false, true);

    @Setup
    public void setUp() {
        strategy = Strategies.create(strategyName);
        servers.outstanding[0] = 3;
        servers.outstanding[2] = 5;
        servers.latency[0] = 900_000;
        servers.latency[2] = 1_200_000;
        servers.weight[2] = 2;
    }

    @Benchmark
    public int choose() {
        return strategy.choose(servers);
    }
}
