package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    private static AgentStatus status(String state, long retries) {
        return Statuses.agent(0, 0, 0, retries, 0, List.of(Statuses.Share.of("127.0.0.1:4243", 0, state)), Map.of());
    }
}
