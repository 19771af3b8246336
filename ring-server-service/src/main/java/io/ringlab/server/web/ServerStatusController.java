package io.ringlab.server.web;

import io.ringlab.server.serving.ServerStatus;
import io.ringlab.server.serving.ServerStatusSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
