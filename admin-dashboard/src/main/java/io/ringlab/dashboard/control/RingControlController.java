package io.ringlab.dashboard.control;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.ringlab.support.control.ControlLimits.MAX_DOWN_SECONDS;

/**
 * Controls of the ring, forwarded to the ring servers: start a round now (this server starts it), take a server
 * down for a while or bring it back early, and pause or resume every server's periodic elections.
 */
@RestController
@RequestMapping("/api/control")
class RingControlController {

    private final ControlTargets targets;
    private final ControlForwarder forwarder;

    RingControlController(ControlTargets targets, ControlForwarder forwarder) {
        this.targets = targets;
        this.forwarder = forwarder;
    }

    record Downtime(Integer seconds) {}

    @PostMapping("/servers/{server}/election")
    ResponseEntity<?> startElection(@PathVariable String server) {
        return ControlResponses.of(forwarder
                .send(targets.server(server), "POST", "/api/ring/elections", null)
                .join());
    }

    @PostMapping("/servers/{server}/down")
    ResponseEntity<?> takeDown(@PathVariable String server, @RequestBody(required = false) Downtime downtime) {
        var target = targets.server(server);
        if (downtime == null || downtime.seconds() == null) {
            throw ControlRefused.badRequest("give {\"seconds\": N}, 1 to " + MAX_DOWN_SECONDS);
        }
        if (downtime.seconds() < 1 || downtime.seconds() > MAX_DOWN_SECONDS) {
            throw ControlRefused.badRequest("seconds must be 1 to " + MAX_DOWN_SECONDS + ", not " + downtime.seconds());
        }
        return ControlResponses.of(forwarder
                .send(target, "POST", "/api/server/down", Map.of("seconds", downtime.seconds()))
                .join());
    }

    @PostMapping("/servers/{server}/up")
    ResponseEntity<?> bringUp(@PathVariable String server) {
        return ControlResponses.of(forwarder
                .send(targets.server(server), "POST", "/api/server/up", null)
                .join());
    }

    @PostMapping("/ring/periodic/pause")
    ResponseEntity<?> pausePeriodic() {
        return everyServer("/api/ring/periodic/pause");
    }

    @PostMapping("/ring/periodic/resume")
    ResponseEntity<?> resumePeriodic() {
        return everyServer("/api/ring/periodic/resume");
    }

    private ResponseEntity<?> everyServer(String path) {
        List<CompletableFuture<Forwarded>> sent = targets.servers().stream()
                .map(server -> forwarder.send(server, "POST", path, null))
                .toList();
        return ControlResponses.ofAll(sent.stream().map(CompletableFuture::join).toList());
    }
}
