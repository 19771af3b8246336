package io.ringlab.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentWatcherTest {

    private final AgentWatcher watcher = new AgentWatcher(Map.of("127.0.0.1:4243", "server-2"));

    @Test
    void printsALineWhenAnAgentsViewOfAServerChanges() {
        assertThat(watcher.lines(Map.of("agent-1", status("up", 0)))).isEmpty();
        assertThat(watcher.lines(Map.of("agent-1", status("up", 0)))).isEmpty();
        assertThat(watcher.lines(Map.of("agent-1", status("unhealthy", 12))))
                .containsExactly("agent-1: server-2 unhealthy (retries so far 12, ejections 0)");
        assertThat(watcher.lines(Map.of("agent-1", status("up", 15))))
                .containsExactly("agent-1: server-2 up (retries so far 15, ejections 0)");
    }

    private static Snapshot.AgentStatus status(String state, long retries) {
        return new Snapshot.AgentStatus("round-robin", 0, 0, 0, retries, 0, Map.of("127.0.0.1:4243", 0L),
                Map.of("127.0.0.1:4243", state.equals("up")), Map.of("127.0.0.1:4243", state), Map.of());
    }
}
