package io.ringlab.dashboard.events;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code GET /api/events}: the run's events, oldest first, filtered by {@code kind} (one or more, comma-separated),
 * {@code source} and {@code after} (a seq: only later events); {@code format=csv} or {@code download=true} for a file
 * to keep. An unknown kind or format is a 400 that names what is accepted.
 */
@RestController
@RequestMapping("/api")
class EventsController {

    private final EventLog log;

    EventsController(EventLog log) {
        this.log = log;
    }

    @GetMapping("/events")
    ResponseEntity<?> events(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean download) {
        Predicate<ClusterEvent> filter = kinds(kind)
                .and(e -> source == null || source.isBlank() || e.source().equals(source.strip()))
                .and(e -> e.seq() > after);
        List<ClusterEvent> events = log.matching(filter);
        return switch (format) {
            case "json" -> {
                var body = Map.of("events", events, "dropped", log.dropped());
                yield download
                        ? attached("ringlab-events.json", MediaType.APPLICATION_JSON, body)
                        : ResponseEntity.ok(body);
            }
            case "csv" ->
                attached(
                        "ringlab-events.csv",
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        EventCsv.of(events));
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format " + format + ": json or csv");
        };
    }

    private static <T> ResponseEntity<T> attached(String file, MediaType type, T body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }

    private static Predicate<ClusterEvent> kinds(String kind) {
        if (kind == null || kind.isBlank()) {
            return e -> true;
        }
        List<String> wanted = Arrays.stream(kind.split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        for (String label : wanted) {
            if (EventKind.fromLabel(label).isEmpty()) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        "kind " + label + ": one of "
                                + Arrays.stream(EventKind.values())
                                        .map(EventKind::label)
                                        .collect(Collectors.joining(", ")));
            }
        }
        return e -> wanted.contains(e.kind());
    }
}
