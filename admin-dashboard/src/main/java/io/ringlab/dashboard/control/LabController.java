package io.ringlab.dashboard.control;

import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The faults of a multi-host lab, through its launcher's REST ({@code ringlab.dashboard.lab-url}): listed, with the
 * run's fault events; given in the language of {@code --fault}; healed one at a time or all at once. The launcher
 * checks a fault and answers why it cannot take one; its answer is passed back as it is. Every change names the
 * person signed in ({@code X-RingLab-Operator}), which the launcher writes in its event log. Without a lab,
 * {@code GET /api/lab} says so (the page hides its panel) and the rest answers 404.
 */
@RestController
@RequestMapping("/api/lab")
class LabController {

    static final int MAX_SPEC_LENGTH = 500;
    static final String OPERATOR_HEADER = "X-RingLab-Operator";

    private final DashboardProperties properties;
    private final ControlForwarder forwarder;

    LabController(DashboardProperties properties, ControlForwarder forwarder) {
        this.properties = properties;
        this.forwarder = forwarder;
    }

    record FaultRequest(String fault) {}

    @GetMapping
    Map<String, Object> lab() {
        return Map.of("present", properties.lab().isPresent());
    }

    @GetMapping("/faults")
    ResponseEntity<?> faults() {
        return ControlResponses.of(
                forwarder.send(launcher(), "GET", "/api/faults", null).join());
    }

    @GetMapping("/events")
    ResponseEntity<?> events() {
        return ControlResponses.of(
                forwarder.send(launcher(), "GET", "/api/events", null).join());
    }

    @PostMapping("/faults")
    ResponseEntity<?> inject(
            @RequestBody(required = false) FaultRequest request, Authentication person, HttpServletRequest http) {
        Service launcher = launcher();
        if (request == null || request.fault() == null || request.fault().isBlank()) {
            throw ControlRefused.badRequest("give {\"fault\": \"...\"} in the language of --fault, e.g. "
                    + "\"for 20s loss 5% agent<->server\"");
        }
        if (request.fault().length() > MAX_SPEC_LENGTH) {
            throw ControlRefused.badRequest("a fault is at most " + MAX_SPEC_LENGTH + " characters");
        }
        return change(launcher, "/api/faults", Map.of("fault", request.fault()), person, http);
    }

    @PostMapping("/faults/{id}/heal")
    ResponseEntity<?> heal(@PathVariable int id, Authentication person, HttpServletRequest http) {
        return change(launcher(), "/api/faults/" + id + "/heal", null, person, http);
    }

    @PostMapping("/faults/heal")
    ResponseEntity<?> healAll(Authentication person, HttpServletRequest http) {
        return change(launcher(), "/api/faults/heal", null, person, http);
    }

    private ResponseEntity<?> change(
            Service launcher, String path, Object body, Authentication person, HttpServletRequest http) {
        String operator = person.getName() + " (dashboard, from " + http.getRemoteAddr() + ")";
        return ControlResponses.of(forwarder
                .send(launcher, "POST", path, body, Map.of(OPERATOR_HEADER, operator))
                .join());
    }

    private Service launcher() {
        return properties
                .lab()
                .orElseThrow(
                        () -> new ControlRefused(
                                HttpStatus.NOT_FOUND,
                                "no lab: the dashboard was started without ringlab.dashboard.lab-url (bin/ringlab-lab sets it)"));
    }
}
