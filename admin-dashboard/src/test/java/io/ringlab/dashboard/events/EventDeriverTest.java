package io.ringlab.dashboard.events;

import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventDeriverTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> NAMES = Map.of("127.0.0.1:4242", "server-1", "127.0.0.1:4243", "server-2");

    private final EventDeriver deriver = new EventDeriver();

    @Test
    void theFirstPollIsTheBaselineButItsRoundsAreEventsInTheirOwnTimeOrder() {
        List<ClusterEvent> events = deriver.next(view(
                1_000,
                server(
                        "server-1",
                        "up",
                        "",
                        rounds(
                                "r2",
                                "127.0.0.1:4243",
                                "2026-01-01T00:00:02Z",
                                "r1",
                                "127.0.0.1:4242",
                                "2026-01-01T00:00:01Z")),
                server("server-2", "down", "election", rounds("r2", "127.0.0.1:4243", "2026-01-01T00:00:02Z")),
                agent("agent-1", 0, 0, share("127.0.0.1:4242", true, "up"), share("127.0.0.1:4243", false, "down"))));

        assertThat(events)
                .extracting(ClusterEvent::kind, ClusterEvent::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("round", "server-1"),
                        org.assertj.core.groups.Tuple.tuple("round", "server-2"));
        assertThat(events.get(1).text()).isEqualTo("round r2: server-2 won with value 7 (1.5 ms, 6 messages)");
        assertThat(events.get(1).epochMillis()).isEqualTo(1_767_225_602_000L);
    }

    @Test
    void transitionsBetweenPollsBecomeEvents() {
        deriver.next(view(
                1_000,
                server("server-1", "up", "", rounds()),
                server("server-2", "up", "", rounds()),
                agent("agent-1", 3, 0, share("127.0.0.1:4242", true, "up"), share("127.0.0.1:4243", true, "up"))));

        List<ClusterEvent> events = deriver.next(view(
                2_000,
                server("server-1", "up", "", rounds()),
                server("server-2", "down", "manual", rounds()),
                agent(
                        "agent-1",
                        4,
                        25,
                        share("127.0.0.1:4242", true, "up"),
                        share("127.0.0.1:4243", false, "ejected"))));

        assertThat(events)
                .extracting(ClusterEvent::text)
                .containsExactly(
                        "server-2 down (manual) for 30 s",
                        "agent-1 took server-2 out of rotation (ejected)",
                        "agent-1 ejected server-2",
                        "agent-1 retried 25 requests since the poll before");
        assertThat(events).allSatisfy(e -> assertThat(e.epochMillis()).isEqualTo(2_000));

        List<ClusterEvent> back = deriver.next(view(
                3_000,
                unreachable("server-1"),
                server("server-2", "up", "", rounds()),
                agent("agent-1", 4, 26, share("127.0.0.1:4242", true, "up"), share("127.0.0.1:4243", true, "up"))));
        assertThat(back).extracting(ClusterEvent::kind).containsExactly("unreachable", "up", "in");
    }

    @Test
    void aServiceFoundForTheFirstTimeIsNoEventButOneFoundAgainIs() {
        deriver.next(view(1_000, unreachable("server-1")));
        assertThat(deriver.next(view(2_000, server("server-1", "up", "", rounds()))))
                .isEmpty();
        deriver.next(view(3_000, unreachable("server-1")));
        assertThat(deriver.next(view(4_000, server("server-1", "up", "", rounds()))))
                .extracting(ClusterEvent::text)
                .containsExactly("server-1 reachable again");
    }

    @Test
    void aRoundReportedAgainIsNotAnotherEvent() {
        deriver.next(view(1_000, server("server-1", "up", "", rounds("r1", "127.0.0.1:4242", "2026-01-01T00:00:01Z"))));
        assertThat(deriver.next(view(
                        2_000, server("server-1", "up", "", rounds("r1", "127.0.0.1:4242", "2026-01-01T00:00:01Z")))))
                .isEmpty();
    }

    private static ClusterView view(long polledAt, ServiceView... services) {
        List<ServiceView> all = List.of(services);
        return new ClusterView(
                polledAt,
                1000,
                60_000,
                all.stream().filter(s -> s.name().startsWith("server")).toList(),
                all.stream().filter(s -> s.name().startsWith("agent")).toList(),
                List.of(),
                NAMES,
                Map.of(),
                List.of());
    }

    private static ServiceView server(String name, String state, String reason, JsonNode ring) {
        return new ServiceView(
                name,
                "http://x",
                true,
                null,
                0,
                json("""
                {"state": "%s", "downReason": "%s", "downForMs": %d}""".formatted(state, reason, "down".equals(state) ? 30_000 : 0)),
                ring);
    }

    private static ServiceView unreachable(String name) {
        return new ServiceView(name, "http://x", false, "connection refused", 3, null, null);
    }

    private static ServiceView agent(String name, long ejections, long retries, String... shares) {
        return new ServiceView(
                name,
                "http://x",
                true,
                null,
                0,
                json("""
                {"ejections": %d, "retries": %d, "servers": [%s]}""".formatted(ejections, retries, String.join(",", shares))),
                null);
    }

    private static String share(String server, boolean up, String state) {
        return """
                {"server": "%s", "up": %s, "state": "%s"}""".formatted(server, up, state);
    }

    /** Pairs of round, winner, finishedAt. */
    private static JsonNode rounds(String... rounds) {
        StringBuilder winners = new StringBuilder();
        for (int i = 0; i < rounds.length; i += 3) {
            winners.append(i == 0 ? "" : ",").append("""
                    {"round": "%s", "winner": "%s", "value": 7, "durationMs": 1.5, "messagesSent": 6,
                     "finishedAt": "%s"}""".formatted(rounds[i], rounds[i + 1], rounds[i + 2]));
        }
        return json("{\"lastWinners\": [" + winners + "]}");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
