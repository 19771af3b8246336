package io.ringlab.client.web;

import io.ringlab.client.config.LoadSettings;
import io.ringlab.client.load.LoadGenerator;
import io.ringlab.client.load.LoadStatistics;
import io.ringlab.support.control.ControlLimits;
import io.ringlab.support.web.InvalidRequestException;
import io.ringlab.support.web.JsonRequestBody;
import io.ringlab.support.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Control of the load; every endpoint needs the operator's credentials and answers with the load as it is
 * now, {@code {"running": true, "mode": "closed-loop", "threads": 500, "rate": 0.0}}. The results are in
 * {@code GET /api/status}.
 * <ul>
 * <li>{@code POST /api/load/start}: starts the load with the current settings; {@code 409} if it runs.</li>
 * <li>{@code POST /api/load/stop}: stops sending and waits (at most the request timeout) for the requests in
 *     flight to end; {@code 409} if it is not running.</li>
 * <li>{@code PUT /api/load} with {@code {"threads": N}} and/or {@code {"rate": R}}: N closed-loop threads
 *     (1 to 100000), R open-loop requests per second (0 to 1000000; 0 is the closed loop). Applied at once: a
 *     running load restarts with them. {@code 400} for an unknown field, a wrong type or a value out of
 *     range, and nothing changes.</li>
 * <li>{@code POST /api/load/reset}: clears the counts and the response-time histogram, so that a benchmark
 *     measures a window after its warm-up (the Prometheus meters are not reset).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/load")
class LoadController {

    private static final String EXAMPLE = "{\"threads\": 100} or {\"rate\": 5000}";

    private final LoadGenerator generator;
    private final LoadStatistics statistics;

    LoadController(LoadGenerator generator, LoadStatistics statistics) {
        this.generator = generator;
        this.statistics = statistics;
    }

    /** The load as it is now: what the endpoints answer. */
    record LoadView(boolean running, String mode, int threads, double rate) {

        static LoadView of(LoadGenerator generator) {
            LoadSettings settings = generator.settings();
            return new LoadView(generator.isRunning(), settings.mode(), settings.threads(), settings.rate());
        }
    }

    @PostMapping("/start")
    ResponseEntity<?> start() {
        if (!generator.start()) {
            return Problems.conflict("the load is already running; PUT /api/load changes its settings");
        }
        return ResponseEntity.ok(LoadView.of(generator));
    }

    @PostMapping("/stop")
    ResponseEntity<?> stop() {
        if (!generator.stop()) {
            return Problems.conflict("the load is not running");
        }
        return ResponseEntity.ok(LoadView.of(generator));
    }

    @PutMapping
    ResponseEntity<?> change(@RequestBody(required = false) JsonNode body) {
        JsonRequestBody fields = JsonRequestBody.of(body, EXAMPLE, Set.of("threads", "rate"));
        OptionalLong threads = fields.wholeNumber("threads", 1, ControlLimits.MAX_THREADS);
        OptionalDouble rate = fields.number("rate", 0, ControlLimits.MAX_RATE);
        if (threads.isEmpty() && rate.isEmpty()) {
            throw new InvalidRequestException("give threads and/or rate, e.g. " + EXAMPLE);
        }
        generator.update(settings -> {
            LoadSettings changed = settings;
            if (threads.isPresent()) {
                changed = changed.withThreads((int) threads.getAsLong());
            }
            if (rate.isPresent()) {
                changed = changed.withRate(rate.getAsDouble());
            }
            return changed;
        });
        return ResponseEntity.ok(LoadView.of(generator));
    }

    @PostMapping("/reset")
    ResponseEntity<?> reset() {
        statistics.reset();
        return ResponseEntity.ok(LoadView.of(generator));
    }
}
