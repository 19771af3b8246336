package io.ringlab.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * Problem documents (RFC 9457), the one way every RingLab service and the dashboard refuse a request: as a response
 * entity from a controller, or written straight to the servlet response by a security filter, which answers before
 * Spring MVC is reached. Both have the same fields: type, title, status, detail and instance (the request's path).
 */
public final class Problems {

    /** Writes a problem as Spring MVC does: its extra properties at the top level, empty fields left out. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problems() {}

    public static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    /** The request is valid but the service's state does not allow it now (already down, already running). */
    public static ResponseEntity<ProblemDetail> conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail))
                .build();
    }

    /** Writes the problem to the response; for filters, which answer before Spring MVC is reached. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(instance(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    /** The request's path, as Spring MVC sets it; none for a path that is no URI reference. */
    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
