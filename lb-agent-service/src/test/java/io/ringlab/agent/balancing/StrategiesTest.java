package io.ringlab.agent.balancing;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategiesTest {

    private static final long SEED = 20261124L;

    @Test
    void leastOutstandingPicksTheIdlestServerThatIsUp() {
        FakeServers servers = FakeServers.allUp(3);
        servers.outstanding[0] = 5;
        servers.outstanding[1] = 1;
        servers.outstanding[2] = 3;
        assertThat(new LeastOutstanding().choose(servers)).isEqualTo(1);
        servers.up[1] = false;
        assertThat(new LeastOutstanding().choose(servers)).isEqualTo(2);
    }

    @Test
    void leastOutstandingSpreadsTies() {
        LeastOutstanding strategy = new LeastOutstanding();
        FakeServers servers = FakeServers.allUp(3);
        int[] counts = new int[3];
        for (int i = 0; i < 300; i++) {
            counts[strategy.choose(servers)]++;
        }
        assertThat(counts).containsExactly(100, 100, 100);
    }

    @Test
    void powerOfTwoChoicesPrefersTheLessLoadedOfTwoAndNeverAServerThatIsDown() {
        SplittableRandom random = new SplittableRandom(SEED);
        PowerOfTwoChoices strategy = new PowerOfTwoChoices(PowerOfTwoChoices.Load.OUTSTANDING, random::nextInt);
        FakeServers servers = FakeServers.allUp(3);
        servers.outstanding[2] = 50;
        servers.up[0] = false;
        int[] counts = new int[3];
        for (int i = 0; i < 1000; i++) {
            counts[strategy.choose(servers)]++;
        }
        assertThat(counts[0]).as("seed %d", SEED).isZero();
        assertThat(counts[1])
                .as("two up, so both are always drawn: the idle one wins")
                .isEqualTo(1000);
    }

    @Test
    void powerOfTwoChoicesOnLatencyAvoidsTheSlowServerMostOfTheTime() {
        SplittableRandom random = new SplittableRandom(SEED);
        PowerOfTwoChoices strategy = new PowerOfTwoChoices(PowerOfTwoChoices.Load.LATENCY, random::nextInt);
        FakeServers servers = FakeServers.allUp(3);
        servers.latency[0] = 1_000_000;
        servers.latency[1] = 1_000_000;
        servers.latency[2] = 50_000_000;
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[strategy.choose(servers)]++;
        }
        // the slow server is chosen only when both draws... cannot both be it: it is never chosen
        assertThat(counts[2]).as("seed %d", SEED).isZero();
        assertThat(counts[0] + counts[1]).isEqualTo(3000);
    }

    @Test
    void weightedRoundRobinIsSmoothAndExact() {
        WeightedRoundRobin strategy = new WeightedRoundRobin();
        FakeServers servers = FakeServers.allUp(3);
        servers.weight[0] = 5;
        int[] picks = new int[7];
        for (int i = 0; i < 7; i++) {
            picks[i] = strategy.choose(servers);
        }
        assertThat(picks).containsExactly(0, 0, 1, 0, 2, 0, 0);
    }

    @Test
    void weightedRoundRobinSkipsServersThatAreDown() {
        WeightedRoundRobin strategy = new WeightedRoundRobin();
        FakeServers servers = FakeServers.allUp(3);
        servers.weight[0] = 3;
        servers.up[0] = false;
        int[] counts = new int[3];
        for (int i = 0; i < 100; i++) {
            counts[strategy.choose(servers)]++;
        }
        assertThat(counts).containsExactly(0, 50, 50);
    }

    @Test
    void strategiesAreFoundByNameAndAnUnknownNameIsRefusedListingTheKnownOnes() {
        Strategies.NAMES.forEach(
                name -> assertThat(Strategies.create(name).name()).isEqualTo(name));
        assertThatThrownBy(() -> Strategies.create("random"))
                .hasMessageContaining("unknown strategy 'random'")
                .hasMessageContaining("least-outstanding");
    }

    @Test
    void switchableStrategyTakesEffectAtOnce() {
        SwitchableStrategy strategy = new SwitchableStrategy(new RoundRobin());
        strategy.switchTo(new LeastOutstanding());
        assertThat(strategy.name()).isEqualTo("least-outstanding");
    }
}
