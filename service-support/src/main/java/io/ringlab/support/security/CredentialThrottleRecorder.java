package io.ringlab.support.security;

import io.ringlab.protocol.LogText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Tells the {@link CredentialThrottle} the outcome of every credential check, as the event publisher of the
 * {@code ProviderManager} that checks them. The source is the address the request came from, which the
 * authentication filters (HTTP Basic, form login) put in the authentication's {@link WebAuthenticationDetails}.
 * Only wrong credentials count as failures: a check that could not be made (an internal error) says nothing about
 * the source.
 */
public class CredentialThrottleRecorder implements AuthenticationEventPublisher {

    private static final Log log = LogFactory.getLog(CredentialThrottleRecorder.class);

    private final CredentialThrottle throttle;

    public CredentialThrottleRecorder(CredentialThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        String source = source(authentication);
        if (source != null) {
            throttle.succeeded(source);
        }
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException failure, Authentication authentication) {
        String source = source(authentication);
        if (source == null || !(failure instanceof BadCredentialsException)) {
            return;
        }
        if (throttle.failed(source)) {
            log.warn("%d wrong user names or passwords from %s within %d s: its attempts are refused (429) for %d s"
                    .formatted(
                            throttle.maxFailures(),
                            LogText.escape(source),
                            throttle.window().toSeconds(),
                            throttle.window().toSeconds()));
        }
    }

    private static String source(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
