package io.ringlab.launcher;

import io.ringlab.launcher.story.EventFiles;
import io.ringlab.launcher.story.RunStory;
import io.ringlab.launcher.story.StoryEvent;
import io.ringlab.launcher.story.TimelineSvg;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.StatusJson;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run told from recorded polls: three servers, a round won by server-2 that takes it down, an agent taking server-3
 * out of rotation, server-1 lost, a fault; its timeline picture and its events.
 */
class StoryObservationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> NAMES =
            Map.of("127.0.0.1:1", "server-1", "127.0.0.1:2", "server-2", "127.0.0.1:3", "server-3");
    private static final String ROUND = """
            {"round": "1@127.0.0.1:1#2a", "winner": "127.0.0.1:2", "value": 90, "durationMs": 3.5, "messagesSent": 9}""";

    @Test
    void tellsTheRunAsStripsMarkersAndEvents() throws Exception {
        RunStory story = new RunStory();
        observe(story, 0, ring("up", ""), ring("up", ""), ring("up", ""), true);
        observe(story, 1_000, ring("up", ROUND), ring("down", ROUND), ring("up", ""), true);
        observe(story, 2_000, ring("up", ROUND), ring("down", ROUND), ring("up", ROUND), false);
        story.fault(2_500, "fault: killed server-1 with kill -9, at once");
        observe(story, 3_000, null, ring("up", ROUND), ring("up", ROUND), true);
        StoryObservations.clients(story, snapshot(10, 100, 0), null);
        StoryObservations.clients(story, snapshot(20, 190, 10), snapshot(10, 100, 0));

        assertThat(story.events())
                .extracting(StoryEvent::kind)
                .containsExactly("round", "down", "out", "fault", "unreachable", "up", "in");
        assertThat(story.events().get(0).text())
                .isEqualTo("round 1@127.0.0.1:1#2a: server-2 won with value 90 (3.5 ms, 9 messages)");
        assertThat(story.clientPoints().get("client-1"))
                .extracting(RunStory.ClientPoint::successRate)
                .containsExactly(100.0, 90.0);

        String svg = TimelineSvg.render(story, 20_000);
        assertThat(count(svg, "<g data-timeline-server=")).isEqualTo(3);
        assertThat(count(svg, "<g data-timeline-round=\"server-2\"")).isEqualTo(1);
        assertThat(count(svg, "<g data-timeline-fault=")).isEqualTo(1);
        assertThat(count(svg, "<g data-timeline-client=\"client-1\"")).isEqualTo(2);
        assertThat(svg)
                .contains("<g data-state=\"down\">", "<g data-state=\"out\">", "<g data-state=\"unreachable\">")
                .contains("90.00 % success from 10.0 s to 20.0 s");
        assertThat(DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new InputSource(new StringReader(svg)))
                        .getDocumentElement()
                        .getTagName())
                .isEqualTo("svg");
    }

    @Test
    void theEventsCsvQuotesWhatNeedsQuotingAndTheJsonParsesBack() {
        List<StoryEvent> events = List.of(
                new StoryEvent(1_500, "fault", "launcher", "delay 20ms, \"lossy\"\nlink"),
                new StoryEvent(2_000, "up", "server-1", "server-1 up (was down)"));

        assertThat(EventFiles.csv(events))
                .isEqualTo("at_s,kind,source,text\r\n"
                        + "1.500,fault,launcher,\"delay 20ms, \"\"lossy\"\"\nlink\"\r\n"
                        + "2.000,up,server-1,server-1 up (was down)\r\n");
        JsonNode json = JSON.readTree(EventFiles.json(events));
        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("text").asString()).isEqualTo("delay 20ms, \"lossy\"\nlink");
        assertThat(json.get(1).path("atMillis").asLong()).isEqualTo(2_000);
    }

    private static void observe(
            RunStory story, long at, RingStatus one, RingStatus two, RingStatus three, boolean server3InRotation) {
        Map<String, RingStatus> rings = new LinkedHashMap<>();
        rings.put("server-1", one);
        rings.put("server-2", two);
        rings.put("server-3", three);
        List<Statuses.Share> servers = List.of(
                new Statuses.Share("127.0.0.1:1", 0, "up", true),
                new Statuses.Share("127.0.0.1:2", 0, "up", true),
                new Statuses.Share("127.0.0.1:3", 0, server3InRotation ? "up" : "unhealthy", server3InRotation));
        Map<String, AgentStatus> agents = new HashMap<>();
        agents.put("agent-1", Statuses.agent(0, 0, 0, 0, 0, servers, Map.of()));
        agents.put("agent-2", null);
        StoryObservations.ring(story, at, rings, agents, NAMES);
    }

    private static RingStatus ring(String state, String winner) {
        return StatusJson.parse(
                "{\"state\": \"%s\", \"lastWinners\": [%s]}".formatted(state, winner), RingStatus.class);
    }

    private static Snapshot snapshot(long seconds, long responses, long timeouts) {
        return new Snapshot(
                seconds,
                LocalTime.NOON,
                List.of(new Snapshot.Client(
                        "client-1",
                        Statuses.client(4, responses + timeouts, responses, timeouts, 0, 0, 0.99, 1.0, 0.5, 2.5))),
                List.of(),
                List.of());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
