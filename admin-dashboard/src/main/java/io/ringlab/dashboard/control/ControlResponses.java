package io.ringlab.dashboard.control;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hands a service's answer back to the page: its status code and body (a result, or its problem detail) as they
 * are. Only what the page could not act on is replaced, by a 502 problem: a service that could not be reached,
 * and one that refused the dashboard's credential (a 401 passed on would read as the person's session ending).
 */
final class ControlResponses {

    private ControlResponses() {
    }

    static ResponseEntity<?> of(Forwarded answer) {
        if (answer.status() == 0) {
            return badGateway(answer.service() + " could not be reached: " + answer.error());
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return badGateway(answer.service() + " refused the dashboard's credential (HTTP " + answer.status()
                    + "): ringlab.security.username and password must be the same for the dashboard and every service");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status());
        if (answer.contentType() != null) {
            builder.contentType(MediaType.parseMediaType(answer.contentType()));
        }
        return builder.body(answer.body());
    }

    /** The answers of several services to one control: 200 if all succeeded, else the first failure's status. */
    static ResponseEntity<?> ofAll(List<Forwarded> answers) {
        List<Map<String, Object>> results = answers.stream()
                .map(answer -> Map.<String, Object>of("service", answer.service(), "status", answer.status()))
                .toList();
        Forwarded failed = answers.stream().filter(answer -> !answer.succeeded()).findFirst().orElse(null);
        if (failed == null) {
            return ResponseEntity.ok(Map.of("results", results));
        }
        HttpStatus status = failed.status() == 0 || failed.status() == 401 || failed.status() == 403
                ? HttpStatus.BAD_GATEWAY : HttpStatus.valueOf(failed.status());
        String detail = answers.stream().filter(answer -> !answer.succeeded())
                .map(answer -> answer.service() + ": " + (answer.status() == 0 ? answer.error() : "HTTP " + answer.status()))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "not every service did it: " + detail);
        problem.setProperty("results", results);
        return ResponseEntity.of(problem).build();
    }

    private static ResponseEntity<?> badGateway(String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail)).build();
    }
}
