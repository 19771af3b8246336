package io.ringlab.dashboard.events;

import io.ringlab.dashboard.cluster.ClusterPoller;
import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.dashboard.http.ServiceExchange;
import io.ringlab.model.lab.LabEvent;
import io.ringlab.model.status.StatusJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * In a multi-host lab, the faults' starts and ends from the launcher's {@code GET /api/events} (open to reads), read
 * at every poll of the cluster, the new ones added to the event log with who gave the fault. The launcher's list
 * only grows, so the events past those already taken are the new ones. One read at a time; a failed read is tried
 * again at the next poll.
 */
@Component
class LabEvents {

    private final EventLog log;
    private final ServiceExchange exchange;
    private final JsonMapper json;
    private final Duration timeout;
    private final AtomicBoolean reading = new AtomicBoolean();
    private int taken;

    LabEvents(
            EventLog log,
            ServiceExchange exchange,
            JsonMapper json,
            DashboardProperties properties,
            ClusterPoller poller) {
        this.log = log;
        this.exchange = exchange;
        this.json = json;
        this.timeout = properties.pollTimeout();
        properties.lab().ifPresent(lab -> poller.onPoll(view -> read(lab)));
    }

    private void read(Service lab) {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(lab.resolve("/api/events"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        exchange.send(request, timeout).whenComplete((response, failure) -> {
            try {
                if (failure == null && response.statusCode() == 200) {
                    List<ClusterEvent> fresh = newEvents(events(json.readTree(response.body())), taken);
                    taken += fresh.size();
                    log.addAll(fresh);
                }
            } catch (RuntimeException e) {
                // not JSON: tried again at the next poll
            } finally {
                reading.set(false);
            }
        });
    }

    /** The launcher's answer: {@code {"events": [...]}}. */
    private record Answer(List<LabEvent> events) {}

    /** The events in the launcher's answer; none when it is not such an answer. */
    static List<LabEvent> events(JsonNode answer) {
        Answer read = StatusJson.read(answer, Answer.class);
        return read == null || read.events() == null ? List.of() : read.events();
    }

    /** The launcher's events past the first {@code taken}, as fault events of source {@code lab}. */
    static List<ClusterEvent> newEvents(List<LabEvent> events, int taken) {
        List<ClusterEvent> fresh = new ArrayList<>();
        for (LabEvent event : events.subList(Math.min(taken, events.size()), events.size())) {
            ClusterEvent fault = ClusterEvent.of(
                    event.epochMillis(),
                    EventKind.FAULT,
                    "lab",
                    "fault " + event.faultId() + " " + event.kind() + ": " + event.text());
            fresh.add(event.by() == null || event.by().isEmpty() ? fault : fault.by(event.by()));
        }
        return fresh;
    }
}
