package io.ringlab.client.web;

import io.ringlab.client.load.ClientStatus;
import io.ringlab.client.load.ClientStatusSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
