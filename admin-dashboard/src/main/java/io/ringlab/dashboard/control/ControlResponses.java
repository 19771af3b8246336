package io.ringlab.dashboard.control;

import io.ringlab.protocol.LogText;
import io.ringlab.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hands a service's answer back to the page: its status code and body (a result, or its problem detail) as they
 * are. Only what the page could not act on is replaced, by a 502 problem: a service that could not be reached or
 * answered more than the dashboard reads, one that refused the dashboard's credential (a 401 passed on would read
 * as the person's session ending), and a body that is not JSON (the dashboard serves it from its own origin, so
 * HTML from a service must never pass as the dashboard's).
 */
final class ControlResponses {

    private ControlResponses() {}

    static ResponseEntity<?> of(Forwarded answer) {
        if (answer.status() == 0) {
            return badGateway(answer.service() + " " + answer.error());
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return badGateway(answer.service() + " refused the dashboard's credential (HTTP " + answer.status()
                    + "): ringlab.security.username and password must be the same for the dashboard and every service");
        }
        if (answer.body().length == 0) {
            return ResponseEntity.status(answer.status()).build();
        }
        MediaType json = json(answer.contentType());
        if (json == null) {
            return badGateway(answer.service() + " answered HTTP " + answer.status() + " with a body that is not JSON "
                    + "(Content-Type " + LogText.escape(answer.contentType()) + ")");
        }
        return ResponseEntity.status(answer.status()).contentType(json).body(answer.body());
    }

    /** The content type when it is JSON ({@code application/json}, {@code application/problem+json}), else null. */
    static MediaType json(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.getType().equals("application")
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
            return json ? type : null;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** The answers of several services to one control: 200 if all succeeded, else the first failure's status. */
    static ResponseEntity<?> ofAll(List<Forwarded> answers) {
        List<Map<String, Object>> results = answers.stream()
                .map(answer -> Map.<String, Object>of("service", answer.service(), "status", answer.status()))
                .toList();
        Forwarded failed = answers.stream()
                .filter(answer -> !answer.succeeded())
                .findFirst()
                .orElse(null);
        if (failed == null) {
            return ResponseEntity.ok(Map.of("results", results));
        }
        HttpStatusCode status = failed.status() == 0 || failed.status() == 401 || failed.status() == 403
                ? HttpStatus.BAD_GATEWAY
                : HttpStatusCode.valueOf(failed.status());
        String detail = answers.stream()
                .filter(answer -> !answer.succeeded())
                .map(answer ->
                        answer.service() + (answer.status() == 0 ? " " + answer.error() : ": HTTP " + answer.status()))
                .collect(Collectors.joining("; "));
        ResponseEntity<ProblemDetail> problem = Problems.of(status, "not every service did it: " + detail);
        problem.getBody().setProperty("results", results);
        return problem;
    }

    private static ResponseEntity<?> badGateway(String detail) {
        return Problems.of(HttpStatus.BAD_GATEWAY, detail);
    }
}
