package io.ringlab.dashboard.control;

import org.springframework.http.HttpStatus;

/** A control the dashboard refuses before forwarding it: an unknown target or a value out of range. */
class ControlRefused extends RuntimeException {

    private final HttpStatus status;

    ControlRefused(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    static ControlRefused badRequest(String detail) {
        return new ControlRefused(HttpStatus.BAD_REQUEST, detail);
    }

    HttpStatus status() {
        return status;
    }
}
