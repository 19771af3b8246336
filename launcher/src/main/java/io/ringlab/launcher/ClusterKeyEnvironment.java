package io.ringlab.launcher;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The cluster key of a local run, which seals every message between ring servers and agents. A key set in
 * {@code RINGLAB_CLUSTER_KEY} is inherited by the services; otherwise one is drawn for the run and given to every
 * service in its environment (never on a command line, where {@code ps} would show it, and never printed).
 */
record ClusterKeyEnvironment(String key, boolean generated) {

    static final String KEY_VARIABLE = "RINGLAB_CLUSTER_KEY";

    static ClusterKeyEnvironment fromEnvironment(Map<String, String> environment) {
        String key = environment.getOrDefault(KEY_VARIABLE, "");
        if (!key.isBlank()) {
            return new ClusterKeyEnvironment(key, false);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new ClusterKeyEnvironment(Base64.getEncoder().encodeToString(bytes), true);
    }

    /** What the services' environment needs: the drawn key; nothing when the services inherit one. */
    Map<String, String> environment() {
        return generated ? Map.of(KEY_VARIABLE, key) : Map.of();
    }

    /** One line for the console. */
    String describe() {
        return generated
                ? "cluster key: drawn for this run (set %s to choose one)".formatted(KEY_VARIABLE)
                : "cluster key: from %s".formatted(KEY_VARIABLE);
    }

    @Override
    public String toString() {
        return "ClusterKeyEnvironment[key=(hidden), generated=" + generated + "]";
    }
}
