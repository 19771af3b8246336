package io.ringlab.client.web;

import io.ringlab.client.load.ClientStatusSource;
import io.ringlab.model.status.ClientStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status}: the client's results since start or the last {@code POST /api/load/reset}
 * ({@link ClientStatus}), with the load's mode, threads and rate. Open to anyone, like every read; the load is
 * controlled through {@link LoadController}.
 */
@RestController
@RequestMapping("/api")
class ClientStatusController {

    private final ClientStatusSource statusSource;

    ClientStatusController(ClientStatusSource statusSource) {
        this.statusSource = statusSource;
    }

    @GetMapping("/status")
    ClientStatus status() {
        return statusSource.status();
    }
}
