package io.ringlab.launcher;

import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.StatusJson;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RingWatcherTest {

    private final RingWatcher watcher = new RingWatcher(Map.of("127.0.0.1:4243", "server-2"));

    @Test
    void printsEachRoundOnceWithMessagesSummedOverTheServersAndEachStateChange() {
        assertThat(watcher.lines(ring("up", "up", List.of()))).isEmpty();
        String round =
                "{\"round\":\"1@a\",\"winner\":\"127.0.0.1:4243\",\"value\":42,\"durationMs\":%s,\"messagesSent\":%d}";
        List<String> lines =
                watcher.lines(ring("up", "down", List.of(round.formatted("3.5", 10), round.formatted("4.0", 12))));
        assertThat(lines)
                .containsExactly(
                        "round 1@a: winner server-2 (value 42), 4.0 ms, 22 messages from 2 servers",
                        "server-2 is down (planned) for 15.0 s");
        assertThat(watcher.lines(ring("up", "up", List.of(round.formatted("4.0", 12)))))
                .containsExactly("server-2 is up");
    }

    @Test
    void holdsARoundUntilEveryServerReportsItOrThreePollsPass() {
        watcher.lines(ring("up", "up", List.of()));
        String round =
                "{\"round\":\"2@a\",\"winner\":\"127.0.0.1:4243\",\"value\":7,\"durationMs\":1.0,\"messagesSent\":5}";
        Map<String, RingStatus> onlyFirst = new LinkedHashMap<>(ring("up", "up", List.of(round)));
        onlyFirst.put("server-2", ring("{\"state\":\"up\",\"lastWinners\":[]}"));
        assertThat(watcher.lines(onlyFirst)).isEmpty();
        assertThat(watcher.lines(onlyFirst)).isEmpty();
        assertThat(watcher.lines(onlyFirst))
                .containsExactly("round 2@a: winner server-2 (value 7), 1.0 ms, 5 messages from 1 servers");
        assertThat(watcher.lines(onlyFirst)).isEmpty();
    }

    @Test
    void warnsWhenTwoServersAreDownAtOnce() {
        watcher.lines(ring("up", "up", List.of()));
        assertThat(watcher.lines(ring("down", "down", List.of())))
                .last()
                .asString()
                .startsWith("!! more than one server");
    }

    private static RingStatus ring(String json) {
        return StatusJson.parse(json, RingStatus.class);
    }

    private static Map<String, RingStatus> ring(String first, String second, List<String> winners) {
        Map<String, RingStatus> status = new LinkedHashMap<>();
        status.put(
                "server-1",
                ring("{\"state\":\"%s\",\"downForMs\":15000,\"lastWinners\":[%s]}"
                        .formatted(first, winners.isEmpty() ? "" : winners.get(0))));
        status.put(
                "server-2",
                ring("{\"state\":\"%s\",\"downForMs\":15000,\"lastWinners\":[%s]}"
                        .formatted(second, String.join(",", winners.size() > 1 ? winners.subList(1, 2) : winners))));
        return status;
    }
}
