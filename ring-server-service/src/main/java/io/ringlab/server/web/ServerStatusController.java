package io.ringlab.server.web;

import io.ringlab.model.status.ServerStatus;
import io.ringlab.server.status.ServerStatusSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status}: the server's results since start ({@link ServerStatus}), among them its state
 * ({@code up} or {@code down}), how long a planned downtime still lasts ({@code downForMs}) and why
 * ({@code downReason}). Open to anyone, like every read.
 */
@RestController
@RequestMapping("/api")
class ServerStatusController {

    private final ServerStatusSource statusSource;

    ServerStatusController(ServerStatusSource statusSource) {
        this.statusSource = statusSource;
    }

    @GetMapping("/status")
    ServerStatus status() {
        return statusSource.status();
    }
}
