package io.ringlab.agent.balancing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundRobinTest {

    private final RoundRobin roundRobin = new RoundRobin();

    @Test
    void visitsServersInOrderAndWrapsAround() {
        FakeServers servers = FakeServers.allUp(3);
        int[] picks = new int[7];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = roundRobin.choose(servers);
        }
        assertThat(picks).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void skipsServersThatAreDownAndStaysFairAmongTheRest() {
        FakeServers servers = new FakeServers(true, false, true, true);
        int[] counts = new int[4];
        for (int i = 0; i < 3000; i++) {
            counts[roundRobin.choose(servers)]++;
        }
        assertThat(counts).containsExactly(1000, 0, 1000, 1000);
    }

    @Test
    void reportsNoServerWhenAllAreDown() {
        assertThat(roundRobin.choose(new FakeServers(false, false))).isEqualTo(-1);
        assertThat(roundRobin.choose(new FakeServers())).isEqualTo(-1);
    }

    @Test
    void takesAServerBackAsSoonAsItIsUp() {
        FakeServers servers = new FakeServers(true, false, true);
        roundRobin.choose(servers);
        servers.up[1] = true;
        int[] counts = new int[3];
        for (int i = 0; i < 300; i++) {
            counts[roundRobin.choose(servers)]++;
        }
        assertThat(counts).containsExactly(100, 100, 100);
    }
}
