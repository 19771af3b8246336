package io.ringlab.support.security;

import io.ringlab.protocol.LogText;
import io.ringlab.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Answers {@code 429 Too Many Requests}, with {@code Retry-After}, an attempt to sign in from a source the
 * {@link CredentialThrottle} has blocked, before any password is checked. Placed in the filter chain just before
 * the filter that checks credentials; {@code attempts} says which requests carry credentials to check (an HTTP
 * Basic {@code Authorization} header, a sign-in form's post). Other requests pass, so a blocked address can still
 * read what is open to everyone.
 */
public class CredentialThrottleFilter extends OncePerRequestFilter {

    private static final Log log = LogFactory.getLog(CredentialThrottleFilter.class);

    private final CredentialThrottle throttle;
    private final RequestMatcher attempts;

    public CredentialThrottleFilter(CredentialThrottle throttle, RequestMatcher attempts) {
        this.throttle = throttle;
        this.attempts = attempts;
    }

    /** Requests with HTTP Basic credentials, as Spring Security's Basic filter recognises them. */
    public static RequestMatcher basicCredentials() {
        return request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.trim().regionMatches(true, 0, "Basic", 0, 5);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!attempts.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Duration wait = throttle.retryAfter(request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (log.isDebugEnabled()) {
            log.debug("refused a sign-in attempt from %s for %d s more"
                    .formatted(LogText.escape(request.getRemoteAddr()), seconds));
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "too many wrong user names or passwords from this address (%d within %d s): try again in %d s"
                        .formatted(throttle.maxFailures(), throttle.window().toSeconds(), seconds));
    }
}
