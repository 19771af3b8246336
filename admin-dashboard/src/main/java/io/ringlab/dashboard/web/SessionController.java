package io.ringlab.dashboard.web;

import io.ringlab.support.control.ControlLimits;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the page who is signed in, and the CSRF token its scripts send with every control (header) and the
 * sign-in form with its post (parameter). Open to everyone: the sign-in page needs the token too. Also the bounds of
 * the controls ({@link ControlLimits}), so the page's inputs refuse what the dashboard and the services would.
 */
@RestController
class SessionController {

    private static final Map<String, Object> LIMITS = Map.of(
            "downSeconds",
            ControlLimits.MAX_DOWN_SECONDS,
            "threads",
            ControlLimits.MAX_THREADS,
            "rate",
            ControlLimits.MAX_RATE);

    @GetMapping("/api/session")
    Map<String, Object> session(Authentication authentication, CsrfToken csrf) {
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("signedIn", signedIn);
        session.put("username", signedIn ? authentication.getName() : null);
        session.put(
                "csrf",
                Map.of(
                        "headerName",
                        csrf.getHeaderName(),
                        "parameterName",
                        csrf.getParameterName(),
                        "token",
                        csrf.getToken()));
        session.put("limits", LIMITS);
        return session;
    }
}
