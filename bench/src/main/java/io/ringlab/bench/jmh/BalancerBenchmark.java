package io.ringlab.bench.jmh;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.agent.balancing.ServerView;
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
    private final FixedView servers = new FixedView(new boolean[] {true, false, true}, new int[] {3, 0, 5},
            new long[] {900_000, 0, 1_200_000}, new int[] {1, 1, 2});

    @Setup
    public void setUp() {
        strategy = Strategies.create(strategyName);
    }

    @Benchmark
    public int choose() {
        return strategy.choose(servers);
    }

    private record FixedView(boolean[] up, int[] outstanding, long[] latency, int[] weights) implements ServerView {

        @Override
        public int size() {
            return up.length;
        }

        @Override
        public boolean isUp(int index) {
            return up[index];
        }

        @Override
        public int outstanding(int index) {
            return outstanding[index];
        }

        @Override
        public long latencyEwmaNanos(int index) {
            return latency[index];
        }

        @Override
        public int weight(int index) {
            return weights[index];
        }
    }
}
