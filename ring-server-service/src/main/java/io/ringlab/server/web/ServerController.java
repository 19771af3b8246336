package io.ringlab.server.web;

import io.ringlab.server.downtime.ManualDowntime;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.support.web.InvalidRequestException;
import io.ringlab.support.web.JsonRequestBody;
import io.ringlab.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.ringlab.support.control.ControlLimits.MAX_DOWN_SECONDS;

/**
 * Planned downtime of this server on an operator's request; its state and the time left are in
 * {@code GET /api/status} ({@code state}, {@code downForMs}, {@code downReason}). Both endpoints need the
 * operator's credentials.
 * <ul>
 * <li>{@code POST /api/server/down} with {@code {"seconds": N}}, N from 1 to 3600: goes down for N seconds as
 *     an election winner does (announces {@code d} to its agents, drains, answers nothing but health pings,
 *     announces {@code u} at the end). {@code 202 {"state": "down", "seconds": N}}; {@code 400} for a bad
 *     body; {@code 409} when it is already down.</li>
 * <li>{@code POST /api/server/up}: ends a manual downtime early. {@code 200 {"state": "up"}}; {@code 409}
 *     when it is not down, or when the downtime came from an election (the ring holds down permits for
 *     it, so it ends only when they do).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/server")
class ServerController {

    private final ManualDowntime downtime;
    private final ServerAvailability availability;

    ServerController(ManualDowntime downtime, ServerAvailability availability) {
        this.downtime = downtime;
        this.availability = availability;
    }

    /** What {@code /down} answers. */
    record WentDown(String state, long seconds) {}

    /** What {@code /up} answers. */
    record CameUp(String state) {}

    @PostMapping("/down")
    ResponseEntity<?> goDown(@RequestBody(required = false) JsonNode body) {
        long seconds = JsonRequestBody.of(body, "{\"seconds\": 30}", Set.of("seconds"))
                .wholeNumber("seconds", 1, MAX_DOWN_SECONDS)
                .orElseThrow(
                        () -> new InvalidRequestException("give {\"seconds\": N}, N from 1 to " + MAX_DOWN_SECONDS));
        ManualDowntime.Result result = downtime.goDown(seconds);
        if (result != ManualDowntime.Result.STARTED) {
            return refused(result);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WentDown("down", seconds));
    }

    @PostMapping("/up")
    ResponseEntity<?> comeUp() {
        ManualDowntime.Result result = downtime.comeUp();
        if (result != ManualDowntime.Result.ENDED) {
            return refused(result);
        }
        return ResponseEntity.ok(new CameUp("up"));
    }

    private ResponseEntity<ProblemDetail> refused(ManualDowntime.Result result) {
        long secondsLeft = TimeUnit.NANOSECONDS.toSeconds(availability.remainingNanos(System.nanoTime()));
        String detail = switch (result) {
            case REFUSED_ALREADY_DOWN ->
                "this server is already down (%s downtime, %d s left)".formatted(reasonName(), secondsLeft);
            case REFUSED_NOT_DOWN -> "this server is not down";
            case REFUSED_ELECTION_DOWNTIME ->
                ("this server is down because it won an election; the ring holds down "
                                + "permits for that downtime, so it cannot be ended early (%d s left)")
                        .formatted(secondsLeft);
            case REFUSED_SHUTTING_DOWN -> "this server is shutting down";
            case STARTED, ENDED -> throw new IllegalArgumentException(result + " is not a refusal");
        };
        ResponseEntity<ProblemDetail> problem = Problems.conflict(detail);
        problem.getBody().setProperty("result", result.name().toLowerCase(Locale.ROOT));
        return problem;
    }

    private String reasonName() {
        ServerAvailability.Reason reason = availability.reason();
        return reason == null ? "planned" : reason.name().toLowerCase(Locale.ROOT);
    }
}
