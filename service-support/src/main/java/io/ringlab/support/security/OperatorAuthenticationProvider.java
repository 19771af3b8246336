package io.ringlab.support.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Checks HTTP Basic credentials against the {@link OperatorCredentials}. A plain comparison in constant time is
 * enough here: the password is held in memory as given, so hashing it at start (BCrypt) would only slow down
 * every control request.
 */
public class OperatorAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE = "ROLE_OPERATOR";

    private final OperatorCredentials credentials;

    public OperatorAuthenticationProvider(OperatorCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object password = authentication.getCredentials();
        if (username == null || password == null || !credentials.match(username, password.toString())) {
            throw new BadCredentialsException("wrong user name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(ROLE));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
