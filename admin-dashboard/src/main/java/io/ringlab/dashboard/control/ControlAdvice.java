package io.ringlab.dashboard.control;

import io.ringlab.support.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused control answers with a problem detail naming what is wrong. */
@RestControllerAdvice(basePackageClasses = ControlAdvice.class)
class ControlAdvice {

    @ExceptionHandler(ControlRefused.class)
    ResponseEntity<ProblemDetail> refused(ControlRefused refused) {
        return Problems.of(refused.status(), refused.getMessage());
    }
}
