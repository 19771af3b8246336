package io.ringlab.launcher;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The operator's credentials for the control endpoints of every service of a local run. A password set in
 * {@code RINGLAB_SECURITY_PASSWORD} is inherited by the services; otherwise one is drawn for the run and given
 * to every service (in its environment, not on its command line, where {@code ps} would show it), so that one
 * password works for all of them and the run can print it.
 */
record ControlCredentials(String username, String password, boolean generated) {

    static final String PASSWORD_VARIABLE = "RINGLAB_SECURITY_PASSWORD";
    static final String USERNAME_VARIABLE = "RINGLAB_SECURITY_USERNAME";

    static ControlCredentials fromEnvironment(Map<String, String> environment) {
        String username = environment.getOrDefault(USERNAME_VARIABLE, "admin").trim();
        String password = environment.getOrDefault(PASSWORD_VARIABLE, "");
        if (!password.isBlank()) {
            return new ControlCredentials(username.isEmpty() ? "admin" : username, password, false);
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return new ControlCredentials(
                username.isEmpty() ? "admin" : username,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                true);
    }

    /** What the services' environment needs: the drawn password; nothing when the services inherit one. */
    Map<String, String> environment() {
        return generated ? Map.of(PASSWORD_VARIABLE, password) : Map.of();
    }

    /** One line for the console. */
    String describe() {
        return generated
                ? "control endpoints (POST, PUT): HTTP Basic, user %s, password %s (drawn for this run; set %s to choose one)"
                        .formatted(username, password, PASSWORD_VARIABLE)
                : "control endpoints (POST, PUT): HTTP Basic, user %s, password from %s"
                        .formatted(username, PASSWORD_VARIABLE);
    }

    @Override
    public String toString() {
        return "ControlCredentials[username=" + username + ", password=(hidden)]";
    }
}
