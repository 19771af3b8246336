package io.ringlab.election.sim;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.NodeStatus;
import io.ringlab.election.StartResult;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.sim.ClusterEvents.Completion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ring scenarios written once, run on any {@link RingCluster}: the simulation
 * ({@link SimulationScenariosTest}) and real UDP (a subclass in the service's tests). Times are those of
 * {@link #settings()}: a fast ring that also suits real sockets on one machine.
 */
public abstract class RingScenarios {

    private RingCluster cluster;

    /** Starts {@code n} nodes with these settings, in ring order, with a shared {@link ClusterEvents}. */
    protected abstract RingCluster start(int n, ElectionSettings settings);

    /** Interval 3 s, downtime 1 s, retransmit 50 ms, round timeout 500 ms, guard 100 ms, probe 250 ms. */
    protected ElectionSettings settings() {
        return ElectionSettings.defaults()
                .withInterval(Duration.ofSeconds(3))
                .withDowntime(Duration.ofSeconds(1))
                .withRetransmitTimeout(Duration.ofMillis(50))
                .withRoundTimeout(Duration.ofMillis(500))
                .withGuard(Duration.ofMillis(100))
                .withProbeInterval(Duration.ofMillis(250));
    }

    @AfterEach
    public void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    public void roundStartedOnDemandElectsTheHighestValueAndEveryNodeAgrees() {
        RingCluster ring = ring(5, settings().withPeriodicEnabled(false));
        RoundId round = startRoundAfterRestartWait(ring, ring.ids().get(0));

        assertThat(ring.runUntil(() -> finishedBy(ring, round, ring.ids()), Duration.ofSeconds(5)))
                .isTrue();

        Set<Nominee> winners = winners(ring, round);
        assertThat(winners).hasSize(1);
        Nominee winner = winners.iterator().next();
        Map<String, Long> values = ring.events().values(round);
        assertThat(values).hasSize(5);
        values.forEach((node, value) -> assertThat(
                        winner.beats(new Nominee(node, value)) || winner.id().equals(node))
                .as("winner %s against %s=%d", winner, node, value)
                .isTrue());
    }

    @Test
    public void winnerGoesDownForTheDowntimeThenComesUpAndNoRoundStartsMeanwhile() {
        RingCluster ring = ring(5, settings().withPeriodicEnabled(false));
        RoundId round = startRoundAfterRestartWait(ring, ring.ids().get(0));
        assertThat(ring.runUntil(() -> finishedBy(ring, round, ring.ids()), Duration.ofSeconds(5)))
                .isTrue();
        String winner = winners(ring, round).iterator().next().id();

        assertThat(ring.status(winner).state()).isEqualTo(NodeStatus.State.DOWN);
        String other =
                ring.ids().stream().filter(id -> !id.equals(winner)).findFirst().orElseThrow();
        assertThat(ring.startRoundNow(other)).isEqualTo(StartResult.REFUSED_WINNER_DOWN);

        assertThat(ring.runUntil(() -> ring.events().cameUpCount() == 1, Duration.ofSeconds(3)))
                .isTrue();
        assertThat(ring.status(winner).state()).isEqualTo(NodeStatus.State.UP);
        assertThat(ring.events().maxDownAtOnce()).isEqualTo(1);
    }

    @Test
    public void periodicRoundsKeepCompletingWithOneNodeDownAtATime() {
        RingCluster ring = ring(4, settings());

        assertThat(ring.runUntil(() -> roundsCommitted(ring) >= 3, Duration.ofSeconds(30)))
                .isTrue();

        assertThat(ring.events().maxDownAtOnce()).isEqualTo(1);
        for (RoundId round : committedRounds(ring)) {
            assertThat(winners(ring, round)).hasSize(1);
        }
    }

    @Test
    public void crashedNodeIsSkippedAndTakenBackWhenItReturns() {
        RingCluster ring = ring(5, settings().withPeriodicEnabled(false));
        List<String> ids = ring.ids();
        ring.crash(ids.get(2));
        RoundId round = startRoundAfterRestartWait(ring, ids.get(0));
        List<String> alive = List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4));

        assertThat(ring.runUntil(() -> finishedBy(ring, round, alive), Duration.ofSeconds(5)))
                .isTrue();
        assertThat(alive)
                .anySatisfy(id -> assertThat(ring.status(id).suspected()).contains(ids.get(2)));
        assertThat(ids.get(3).equals(ring.status(ids.get(1)).right())
                        || ids.get(1).equals(ring.status(ids.get(3)).left()))
                .as("the ring closed over the gap")
                .isTrue();

        ring.restart(ids.get(2));
        assertThat(ring.runUntil(
                        () -> alive.stream()
                                .noneMatch(id -> ring.status(id).suspected().contains(ids.get(2))),
                        Duration.ofSeconds(5)))
                .isTrue();
        assertThat(ring.status(ids.get(1)).right()).isEqualTo(ids.get(2));
        assertThat(ring.status(ids.get(3)).left()).isEqualTo(ids.get(2));

        assertThat(ring.runUntil(() -> ring.events().cameUpCount() == 1, Duration.ofSeconds(5)))
                .isTrue();
        ring.runFor(Duration.ofMillis(1_200));
        RoundId next = startRound(ring, ids.get(4));
        assertThat(ring.runUntil(() -> finishedBy(ring, next, ids), Duration.ofSeconds(5)))
                .isTrue();
    }

    @Test
    public void pausedPeriodicStartsNoRoundUntilResumed() {
        RingCluster ring = ring(3, settings());
        ring.ids().forEach(ring::pausePeriodic);
        // over UDP the servers start one after another: a round may have begun before the last pause; let it end
        ring.runFor(settings().interval());
        int completedBeforePause = ring.events().completions().size();

        ring.runFor(settings().interval().multipliedBy(4));
        assertThat(ring.events().completions()).hasSize(completedBeforePause);

        ring.ids().forEach(ring::resumePeriodic);
        assertThat(ring.runUntil(
                        () -> roundsCommitted(ring) >= 1, settings().interval().multipliedBy(3)))
                .isTrue();
    }

    @Test
    public void periodicElectionsTurnedOffStartNothingButARoundCanStartOnDemand() {
        RingCluster ring = ring(3, settings().withPeriodicEnabled(false));

        ring.runFor(settings().interval().multipliedBy(4));
        assertThat(ring.events().completions()).isEmpty();

        RoundId round = startRound(ring, ring.ids().get(1));
        assertThat(ring.runUntil(() -> finishedBy(ring, round, ring.ids()), Duration.ofSeconds(5)))
                .isTrue();
    }

    // ---- helpers

    private RingCluster ring(int n, ElectionSettings settings) {
        cluster = start(n, settings);
        return cluster;
    }

    private RoundId startRoundAfterRestartWait(RingCluster ring, String id) {
        ring.runFor(settings().downtime().plus(settings().guard()).plusMillis(100));
        return startRound(ring, id);
    }

    private static RoundId startRound(RingCluster ring, String id) {
        assertThat(ring.startRoundNow(id)).isEqualTo(StartResult.STARTED);
        return ring.status(id).round();
    }

    private static boolean finishedBy(RingCluster ring, RoundId round, Collection<String> nodes) {
        Set<String> finished = ring.events().completions().stream()
                .filter(c -> c.outcome().round().equals(round))
                .map(Completion::node)
                .collect(Collectors.toSet());
        return finished.containsAll(nodes);
    }

    private static Set<Nominee> winners(RingCluster ring, RoundId round) {
        return ring.events().completions().stream()
                .map(Completion::outcome)
                .filter(o -> o.round().equals(round))
                .map(o -> new Nominee(o.winner(), o.value()))
                .collect(Collectors.toSet());
    }

    private static Set<RoundId> committedRounds(RingCluster ring) {
        return ring.events().completions().stream()
                .map(c -> c.outcome().round())
                .collect(Collectors.toSet());
    }

    private static int roundsCommitted(RingCluster ring) {
        return committedRounds(ring).size();
    }
}
