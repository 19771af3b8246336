package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.StatusJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTableTest {

    private static final List<Snapshot.Server> SERVERS = List.of(
            new Snapshot.Server("server-1", "127.0.0.1:4242", Statuses.server("up", 0, 500)),
            new Snapshot.Server("server-2", "127.0.0.1:4243", Statuses.server("down", 14_200, 300)),
            new Snapshot.Server("server-3", "127.0.0.1:4244", null));

    @Test
    void showsTheSeedsThreeTables() {
        Snapshot snapshot = new Snapshot(
                70,
                java.time.LocalTime.NOON,
                List.of(
                        new Snapshot.Client(
                                "client-1", Statuses.client(500, 1000, 990, 10, 0, 0, 0.99, 14.74, 12.0, 40.0)),
                        new Snapshot.Client(
                                "client-2", Statuses.client(500, 1000, 1000, 0, 0, 0, 1.0, 10.0, 9.0, 30.0))),
                List.of(new Snapshot.Agent(
                        "agent-1",
                        Statuses.agent(
                                1000,
                                1000,
                                990,
                                7,
                                0,
                                List.of(
                                        Statuses.Share.of("127.0.0.1:4242", 500, "up"),
                                        Statuses.Share.of("127.0.0.1:4243", 300, "up"),
                                        Statuses.Share.of("127.0.0.1:4244", 200, "unhealthy")),
                                Map.of("empty", 2L)))),
                SERVERS);
        String table = ResultsTable.render(snapshot);
        assertThat(table).contains("00:01:10 since start");
        assertThat(table).containsPattern("client-1 \\(500 thr\\)\\s+1000\\s+990\\s+99\\.00\\s+14\\.740");
        assertThat(table).containsPattern("all clients\\s+2000\\s+1990\\s+99\\.50\\s+12\\.358");
        assertThat(table)
                .containsPattern("agent-1\\s+0\\.500\\s+0\\.300\\s+0\\.200\\*\\s+1000\\s+990\\s+7\\s+\\{empty=2}");
        assertThat(table).containsPattern("requests received\\s+500\\s+300\\s+unreachable");
        assertThat(table).containsPattern("state\\s+up\\s+down 15s\\s+-");
        assertThat(table).containsPattern("share received\\s+0\\.625\\s+0\\.375\\s+-");
    }

    @Test
    void saysSoWhenNoClientsRunAndWhenAServiceIsUnreachable() {
        String table = ResultsTable.render(new Snapshot(
                5, java.time.LocalTime.NOON, List.of(), List.of(new Snapshot.Agent("agent-1", null)), SERVERS));
        assertThat(table).contains("Clients: none started");
        assertThat(table).containsPattern("agent-1\\s+unreachable");
    }

    @Test
    void anAgentOfABuildThatGivesNoDropsShowsNone() {
        AgentStatus older = StatusJson.parse("""
                {"forwarded": 10, "repliesDelivered": 10,
                 "servers": [{"server": "127.0.0.1:4242", "state": "up", "up": true, "forwarded": 10}]}""", AgentStatus.class);
        String table = ResultsTable.render(new Snapshot(
                5, java.time.LocalTime.NOON, List.of(), List.of(new Snapshot.Agent("agent-1", older)), SERVERS));
        assertThat(table).containsPattern("agent-1\\s+1\\.000\\s+0\\.000\\s+0\\.000\\s+10\\s+10\\s+0\\s+-");
    }
}
