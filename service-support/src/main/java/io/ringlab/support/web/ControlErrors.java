package io.ringlab.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of a service's REST API as an RFC 9457 problem document ({@code application/problem+json}) with a
 * {@code detail} a person can act on: Spring MVC's own errors (unsupported media type, wrong method, unreadable
 * body) and {@link InvalidRequestException}s thrown by the controllers.
 */
@RestControllerAdvice
public class ControlErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return Problems.badRequest(e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String reason = e.getCause() instanceof JacksonException jackson
                ? withoutLocation(jackson.getOriginalMessage())
                : e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the request body is not valid JSON: " + reason);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Jackson's message without the "(start marker at [Source: ...])" that tells the reader nothing here. */
    static String withoutLocation(String message) {
        int source = message.indexOf("[Source:");
        if (source < 0) {
            return message;
        }
        return message.substring(0, source)
                .replaceFirst("\\s*\\(?(start marker )?at\\s*$", "")
                .trim();
    }
}
