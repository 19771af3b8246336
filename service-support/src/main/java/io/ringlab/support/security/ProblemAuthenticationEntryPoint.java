package io.ringlab.support.security;

import io.ringlab.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Answers a state-changing request without valid credentials: {@code 401}, a {@code WWW-Authenticate: Basic}
 * challenge, and an RFC 9457 problem document that says what to send, like every other error of the API.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "RingLab";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean credentialsGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String detail = credentialsGiven
                ? "wrong user name or password; this request changes state and needs the ringlab.security credentials"
                : "this request changes state: send HTTP Basic credentials (ringlab.security.username and password)";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        Problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }
}
