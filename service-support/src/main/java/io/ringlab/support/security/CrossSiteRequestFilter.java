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
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, with {@code 403}, a state-changing request that a browser sent on behalf of a page of another site.
 * The control plane is stateless and has no CSRF token; a browser that holds cached HTTP Basic credentials for a
 * service would still send them with a form posted from any page. Browsers say where a request comes from:
 * {@code Sec-Fetch-Site} ({@code cross-site} and {@code same-site} are refused; {@code same-origin} and
 * {@code none}, a person's own navigation, pass), and {@code Origin} on every non-safe request (refused unless it is
 * the service's own {@code scheme://host:port}, so {@code Origin: null} is refused too). Clients that are not
 * browsers (curl, the launcher, the dashboard's forwarder) send neither header and pass unchanged. Safe methods
 * ({@code GET}, {@code HEAD}, {@code OPTIONS}) change nothing and always pass.
 *
 * <p>The check runs before credentials are read, so a refused request is never authenticated and never counts
 * as a failed sign-in.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private static final Log log = LogFactory.getLog(CrossSiteRequestFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> REFUSED_FETCH_SITES = Set.of("cross-site", "same-site");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("refused a cross-site %s %s from %s (Origin %s, Sec-Fetch-Site %s)"
                    .formatted(
                            LogText.escape(request.getMethod()),
                            LogText.escape(request.getRequestURI()),
                            LogText.escape(request.getRemoteAddr()),
                            LogText.escape(request.getHeader(HttpHeaders.ORIGIN)),
                            LogText.escape(request.getHeader(SEC_FETCH_SITE))));
        }
        Problems.write(request, response, HttpStatus.FORBIDDEN, refusal);
    }

    /** Why the request is refused, or {@code null} when it may go on. */
    static String refusal(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String fetchSite = request.getHeader(SEC_FETCH_SITE);
        if (fetchSite != null && REFUSED_FETCH_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return "a browser sent this request from a page of another site (Sec-Fetch-Site), and it changes state: "
                    + "send it from a tool such as curl, or from the dashboard";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isOwnOrigin(origin.trim(), request)) {
            return "a browser sent this request from a page of another origin (Origin), and it changes state: "
                    + "send it from a tool such as curl, or from the dashboard";
        }
        return null;
    }

    /** Whether {@code origin} is the request's own scheme, host and port (a default port may be left out). */
    static boolean isOwnOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null
                || host == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            return false;
        }
        return scheme.equalsIgnoreCase(request.getScheme())
                && withoutBrackets(host).equalsIgnoreCase(withoutBrackets(request.getServerName()))
                && port(uri.getPort(), scheme) == port(request.getServerPort(), request.getScheme());
    }

    private static int port(int port, String scheme) {
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
    }

    private static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
