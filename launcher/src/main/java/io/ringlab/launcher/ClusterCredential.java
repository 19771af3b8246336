package io.ringlab.launcher;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The credential of the run: every service checks it on the requests that change its state, and a person signs
 * in to the dashboard with it. Taken from {@code RINGLAB_SECURITY_PASSWORD} when set, else drawn at random for
 * this run, so that no password is ever written in the repository. It reaches the services through their
 * environment, not their command line, where any user of the machine could read it.
 */
record ClusterCredential(String username, String password, boolean generated) {

    static final String USERNAME_VARIABLE = "RINGLAB_SECURITY_USERNAME";
    static final String PASSWORD_VARIABLE = "RINGLAB_SECURITY_PASSWORD";
    private static final int RANDOM_BYTES = 18;

    static ClusterCredential from(Map<String, String> environment, SecureRandom random) {
        String username = environment.getOrDefault(USERNAME_VARIABLE, "");
        username = username.isBlank() ? "admin" : username.trim();
        String password = environment.getOrDefault(PASSWORD_VARIABLE, "");
        if (!password.isBlank()) {
            return new ClusterCredential(username, password, false);
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ClusterCredential(username, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    /** The variables every service is started with. */
    Map<String, String> environment() {
        return Map.of(USERNAME_VARIABLE, username, PASSWORD_VARIABLE, password);
    }

    /** How the run tells a person to sign in: the generated password itself, never one they chose. */
    String signInHint() {
        return generated ? "sign in as %s with password %s (generated for this run; set %s to choose one)"
                .formatted(username, password, PASSWORD_VARIABLE)
                : "sign in as %s with the password in %s".formatted(username, PASSWORD_VARIABLE);
    }

    @Override
    public String toString() {
        return "ClusterCredential[username=" + username + ", password=(hidden)]";
    }
}
