package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Secret {@code ringlab-secrets} as docs/DEPLOYMENT.md tells a user to create it:
 * {@code --from-literal=security-password="$(openssl rand -base64 18)" --from-literal=cluster-key="$(openssl rand -base64 32)"}.
 */
record RehearsalSecret(String namespace, String password, String clusterKey) {

    static final String NAME = "ringlab-secrets";

    static RehearsalSecret draw(String namespace) {
        SecureRandom random = new SecureRandom();
        return new RehearsalSecret(namespace, base64(random, 18), base64(random, 32));
    }

    private static String base64(SecureRandom random, int bytes) {
        byte[] drawn = new byte[bytes];
        random.nextBytes(drawn);
        return Base64.getEncoder().encodeToString(drawn);
    }

    /** The object {@code kubectl create secret generic} makes: each literal's bytes, base64-encoded, under data. */
    JsonNode object() {
        ObjectNode secret = JsonMapper.builder().build().createObjectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
        secret.putObject("metadata").put("name", NAME).put("namespace", namespace);
        secret.putObject("data").put("security-password", encode(password)).put("cluster-key", encode(clusterKey));
        return secret;
    }

    private static String encode(String literal) {
        return Base64.getEncoder().encodeToString(literal.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RehearsalSecret[namespace=" + namespace + ", values hidden]";
    }
}
