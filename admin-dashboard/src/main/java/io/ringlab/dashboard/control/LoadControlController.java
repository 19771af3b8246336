package io.ringlab.dashboard.control;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.ringlab.support.control.ControlLimits.MAX_RATE;
import static io.ringlab.support.control.ControlLimits.MAX_THREADS;

/**
 * Controls of the load clients, forwarded to the client: start and stop the load, reset its figures, and change
 * its thread count or its rate (requests per second; 0 for closed loop, each thread sending as soon as it has
 * its reply).
 */
@RestController
@RequestMapping("/api/control/clients")
class LoadControlController {

    private final ControlTargets targets;
    private final ControlForwarder forwarder;

    LoadControlController(ControlTargets targets, ControlForwarder forwarder) {
        this.targets = targets;
        this.forwarder = forwarder;
    }

    /** One of the two, or both. */
    record LoadChange(Integer threads, Double rate) {}

    @PostMapping("/{client}/start")
    ResponseEntity<?> start(@PathVariable String client) {
        return post(client, "/api/load/start");
    }

    @PostMapping("/{client}/stop")
    ResponseEntity<?> stop(@PathVariable String client) {
        return post(client, "/api/load/stop");
    }

    @PostMapping("/{client}/reset")
    ResponseEntity<?> reset(@PathVariable String client) {
        return post(client, "/api/load/reset");
    }

    @PutMapping("/{client}/load")
    ResponseEntity<?> change(@PathVariable String client, @RequestBody(required = false) LoadChange change) {
        var target = targets.client(client);
        if (change == null || change.threads() == null && change.rate() == null) {
            throw ControlRefused.badRequest("give {\"threads\": N} and/or {\"rate\": R} (requests/s, 0 = closed loop)");
        }
        if (change.threads() != null && (change.threads() < 1 || change.threads() > MAX_THREADS)) {
            throw ControlRefused.badRequest("threads must be 1 to " + MAX_THREADS + ", not " + change.threads());
        }
        if (change.rate() != null && !(change.rate() >= 0 && change.rate() <= MAX_RATE)) {
            throw ControlRefused.badRequest(
                    "rate must be 0 (closed loop) to " + (long) MAX_RATE + " requests/s, not " + change.rate());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (change.threads() != null) {
            body.put("threads", change.threads());
        }
        if (change.rate() != null) {
            body.put("rate", change.rate());
        }
        return ControlResponses.of(
                forwarder.send(target, "PUT", "/api/load", body).join());
    }

    private ResponseEntity<?> post(String client, String path) {
        return ControlResponses.of(
                forwarder.send(targets.client(client), "POST", path, null).join());
    }
}
