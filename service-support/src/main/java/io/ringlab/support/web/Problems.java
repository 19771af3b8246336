package io.ringlab.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Problem documents (RFC 9457) for the controllers' refusals. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    /** The request is valid but the service's state does not allow it now (already down, already running). */
    public static ResponseEntity<ProblemDetail> conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
    }
}
