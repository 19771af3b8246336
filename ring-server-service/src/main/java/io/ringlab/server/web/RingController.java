package io.ringlab.server.web;

import io.ringlab.election.StartResult;
import io.ringlab.server.election.RingService;
import io.ringlab.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The ring of this server: {@code GET /api/ring} its election state (open to anyone); {@code POST} to start a
 * round now ({@code /elections}: {@code 202 {"result": "started"}}, or {@code 409} with the reason) or to pause
 * and resume periodic rounds ({@code /periodic/pause}, {@code /periodic/resume}: {@code 200} with the ring's
 * state). The {@code POST}s need the operator's credentials ({@code ringlab.security.*}), as every request that
 * changes state; {@code 404} when the server runs without a ring, {@code 409} when its ring's member list does not
 * name it (then {@code GET} shows its configuration and the state {@code not-in-configuration}).
 */
@RestController
@RequestMapping("/api/ring")
class RingController {

    private static final String NO_RING = "this server runs without a ring (ringlab.server.ring.peers is empty)";
    private static final String NOT_IN_CONFIGURATION = "this server is not in its ring's configuration "
            + "(ringlab.server.ring.self is not one of ringlab.server.ring.peers): it takes no part in the ring";

    private final RingService ring;

    RingController(RingService ring) {
        this.ring = ring;
    }

    @GetMapping
    ResponseEntity<?> status() {
        return ring.status().<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(this::noRing);
    }

    @PostMapping("/elections")
    ResponseEntity<?> startRound() {
        if (!ring.enabled()) {
            return noRing();
        }
        StartResult result = ring.startRoundNow();
        if (result == StartResult.STARTED) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("result", "started"));
        }
        ResponseEntity<ProblemDetail> problem = Problems.conflict(refusal(result));
        problem.getBody().setProperty("result", result.name().toLowerCase(java.util.Locale.ROOT));
        return problem;
    }

    @PostMapping("/periodic/pause")
    ResponseEntity<?> pause() {
        if (!ring.enabled()) {
            return noRing();
        }
        ring.pausePeriodic();
        return status();
    }

    @PostMapping("/periodic/resume")
    ResponseEntity<?> resume() {
        if (!ring.enabled()) {
            return noRing();
        }
        ring.resumePeriodic();
        return status();
    }

    private static String refusal(StartResult result) {
        return switch (result) {
            case REFUSED_DOWN -> "this server is in planned downtime";
            case REFUSED_WINNER_DOWN -> "the last winner is (or may still be) down; no round starts until it is back";
            case REFUSED_ROUND_IN_PROGRESS -> "a round is in progress";
            case REFUSED_RESTARTING -> "this server restarted recently and may have forgotten a down permit it granted";
            case REFUSED_CONFIGURATION_CHANGE ->
                "a ring member runs another ring configuration: the ring's size is"
                        + " being changed; no round starts until every server runs the same member list";
            case STARTED -> "started";
        };
    }

    private ResponseEntity<?> noRing() {
        if (ring.isNotInConfiguration()) {
            return Problems.conflict(NOT_IN_CONFIGURATION);
        }
        return Problems.of(HttpStatus.NOT_FOUND, NO_RING);
    }
}
