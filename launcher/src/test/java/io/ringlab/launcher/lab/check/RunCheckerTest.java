package io.ringlab.launcher.lab.check;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunCheckerTest {

    private static final long S = 1_000_000_000L;
    private static final List<String> SERVERS = List.of("server-1", "server-2", "server-3");

    private final RunChecker checker = new RunChecker(0, 3 * S);

    /** One moment of a healthy cluster, changed by the caller. */
    private static final class Moment {
        final Map<String, String> ring = new LinkedHashMap<>();
        final Map<String, List<String>> suspected = new LinkedHashMap<>();
        final Map<String, Map<String, String>> views = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> forwarded = new LinkedHashMap<>();
        List<Observation.Round> rounds = List.of();
        Observation.Outcomes outcomes = Observation.Outcomes.NONE;

        Moment() {
            SERVERS.forEach(s -> ring.put(s, "up"));
            for (String agent : List.of("agent-1", "agent-2")) {
                views.put(agent, new LinkedHashMap<>());
                forwarded.put(agent, new LinkedHashMap<>());
                SERVERS.forEach(s -> {
                    views.get(agent).put(s, "up");
                    forwarded.get(agent).put(s, 0L);
                });
            }
        }

        Observation at(long nanos) {
            Map<String, Observation.Server> servers = new LinkedHashMap<>();
            ring.forEach((name, state) -> servers.put(
                    name, new Observation.Server(state, suspected.getOrDefault(name, List.of()), 0, rounds)));
            Map<String, Observation.Agent> agents = new LinkedHashMap<>();
            views.forEach((agent, view) ->
                    agents.put(agent, new Observation.Agent(Map.copyOf(view), Map.copyOf(forwarded.get(agent)))));
            return new Observation(nanos, servers, agents, outcomes);
        }
    }

    @Test
    void twoServersDownAtOnceBreaksTheFirstInvariantWithTheTime() {
        Moment m = new Moment();
        assertThat(checker.observe(m.at(S))).isEmpty();
        m.ring.put("server-1", "down");
        assertThat(checker.observe(m.at(2 * S))).isEmpty();
        m.ring.put("server-2", "down");
        assertThat(checker.observe(m.at(3 * S)))
                .singleElement()
                .asString()
                .startsWith("!! server-1 and server-2 in planned downtime at once at 00:00:03");
        assertThat(checker.observe(m.at(4 * S))).isEmpty();
        Verdict verdict = checker.verdict(5 * S);
        assertThat(verdict.oneServerDown()).isFalse();
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.lines()).anyMatch(l -> l.startsWith("FAIL at most one server"));
    }

    @Test
    void aRoundWithTwoWinnersBreaksTheSecondInvariant() {
        Moment m = new Moment();
        m.rounds = List.of(new Observation.Round("3@a", "server-1", 10));
        checker.observe(m.at(S));
        m.rounds = List.of(new Observation.Round("3@a", "server-2", 12));
        assertThat(checker.observe(m.at(2 * S))).singleElement().asString().startsWith("!! round 3@a: winners");
        assertThat(checker.verdict(3 * S).oneWinnerPerRound()).isFalse();
    }

    @Test
    void aHealthyRunHoldsAndCountsItsRounds() {
        Moment m = new Moment();
        m.rounds = List.of(new Observation.Round("1@a", "server-1", 10), new Observation.Round("2@b", "server-3", 11));
        checker.observe(m.at(S));
        Verdict verdict = checker.verdict(2 * S);
        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.roundsCompleted()).isEqualTo(2);
        assertThat(verdict.lines())
                .contains(
                        "PASS at most one server in planned downtime at any moment",
                        "PASS every finished round agreed on one winner (2 rounds)");
    }

    @Test
    void measuresDetectionRecoveryAndSuccessPerPhaseOfAFault() {
        Moment m = new Moment();
        m.outcomes = new Observation.Outcomes(1000, 0, 0);
        checker.observe(m.at(10 * S));
        checker.faultStarted(1, "freeze server-2", 10 * S);
        m.outcomes = new Observation.Outcomes(1500, 0, 0);
        checker.observe(m.at(10 * S + S / 2));
        m.views.get("agent-1").put("server-2", "unhealthy");
        m.forwarded.get("agent-2").put("server-2", 40L);
        m.outcomes = new Observation.Outcomes(2000, 2, 0);
        checker.observe(m.at(10 * S + 7 * S / 10));
        m.views.get("agent-2").put("server-2", "unhealthy");
        m.outcomes = new Observation.Outcomes(2998, 2, 0);
        checker.observe(m.at(20 * S));
        checker.faultEnded(1, 20 * S);
        m.views.get("agent-1").put("server-2", "up");
        checker.observe(m.at(20 * S + S / 4));
        m.views.get("agent-2").put("server-2", "up");
        m.outcomes = new Observation.Outcomes(3998, 2, 0);
        checker.observe(m.at(20 * S + S / 2));
        m.outcomes = new Observation.Outcomes(6000, 2, 0);
        checker.observe(m.at(30 * S));

        Verdict.FaultReport report = checker.verdict(30 * S).faults().get(0);
        assertThat(report.detectedAfterSeconds()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.detection()).isEqualTo("agent-1 took server-2 out (unhealthy)");
        assertThat(report.recoveredAfterSeconds()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        // during: from the start to 3 s (the clients' timeout) after the end
        assertThat(report.during()).isEqualTo(new Verdict.Success(2998, 2, 0));
        assertThat(report.after()).isEqualTo(new Verdict.Success(2002, 0, 0));
        assertThat(report.forwardedDuring().get("agent-2").get("server-2")).isEqualTo(0L);
        assertThat(checker.verdict(30 * S).before()).isEqualTo(new Verdict.Success(1000, 0, 0));
    }

    @Test
    void aServerThatSkipsAPeerIsAReactionAndTheRingIsWholeOnlyWhenNoneDoes() {
        Moment m = new Moment();
        checker.observe(m.at(S));
        checker.faultStarted(1, "partition server-1", S);
        m.suspected.put("server-1", List.of("server-2"));
        checker.observe(m.at(3 * S));
        checker.faultEnded(1, 4 * S);
        checker.observe(m.at(5 * S));
        Verdict.FaultReport open = checker.verdict(5 * S).faults().get(0);
        assertThat(open.detection()).isEqualTo("server-1 skips server-2 as crashed");
        assertThat(open.recoveredAfterSeconds()).isNull();
        assertThat(checker.verdict(5 * S).lines()).anyMatch(l -> l.contains("recovered: not yet"));
        m.suspected.clear();
        checker.observe(m.at(6 * S));
        assertThat(checker.verdict(6 * S).faults().get(0).recoveredAfterSeconds())
                .isEqualTo(2.0);
    }

    @Test
    void recordsWhichServersWentDownWhileAFaultLastedNotThoseAlreadyDown() {
        Moment m = new Moment();
        m.ring.put("server-1", "down");
        checker.faultStarted(1, "partition server-1 | server-2,server-3", 0);
        checker.observe(m.at(S / 2));
        m.ring.put("server-1", "up");
        m.ring.put("server-3", "down");
        m.rounds = List.of(new Observation.Round("4@b", "server-3", 99));
        checker.observe(m.at(S));
        checker.faultEnded(1, 2 * S);
        Verdict.FaultReport report = checker.verdict(3 * S).faults().get(0);
        assertThat(report.serversDown()).containsExactly("server-3");
        assertThat(report.roundsCompleted()).isEqualTo(1);
    }

    @Test
    void anAgentMissingFromOnePollDoesNotStopTheChecker() {
        Moment m = new Moment();
        Map<String, String> agent2 = m.views.remove("agent-2");
        checker.observe(m.at(S));
        m.views.put("agent-2", agent2);
        assertThat(checker.observe(m.at(2 * S))).as("agent-2 answers again").isEmpty();
        m.ring.put("server-1", "down");
        m.ring.put("server-2", "down");
        assertThat(checker.observe(m.at(3 * S)))
                .singleElement()
                .asString()
                .startsWith("!! server-1 and server-2 in planned downtime at once at 00:00:03");
    }
}
