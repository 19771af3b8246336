package io.ringlab.support.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one user allowed to change a service's state. With no password configured, one is drawn at random when
 * the service starts and logged in a single WARN line, so a local run works without setup and no password is
 * ever written into the repository.
 */
public final class OperatorCredentials {

    private static final Log log = LogFactory.getLog(OperatorCredentials.class);
    private static final int GENERATED_BYTES = 18;

    private final String username;
    private final byte[] password;

    private OperatorCredentials(String username, String password) {
        this.username = username;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** The configured credentials, or the configured user with a random password (logged) when none is set. */
    public static OperatorCredentials from(ControlPlaneSecurityProperties properties) {
        String username = properties.username().trim();
        if (!properties.password().isBlank()) {
            return new OperatorCredentials(username, properties.password());
        }
        String generated = randomPassword();
        log.warn(("ringlab.security.password is not set (RINGLAB_SECURITY_PASSWORD): generated password for user '%s' "
                        + "for this run: %s")
                .formatted(username, generated));
        return new OperatorCredentials(username, generated);
    }

    static String randomPassword() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares in time independent of where the password differs, so that it cannot be guessed byte by byte. */
    public boolean match(String givenUsername, String givenPassword) {
        boolean userMatches = MessageDigest.isEqual(
                username.getBytes(StandardCharsets.UTF_8), givenUsername.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }

    public String username() {
        return username;
    }

    @Override
    public String toString() {
        return "OperatorCredentials[username=" + username + ", password=(hidden)]";
    }
}
