package io.ringlab.support.cluster;

import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.support.config.InvalidPropertyException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What makes a process a member of the cluster ({@code ringlab.cluster.*}): the keys every message between
 * members is sealed with. Exactly one source: {@code key} (best through the environment, {@code RINGLAB_CLUSTER_KEY}),
 * {@code key-file} (a Kubernetes Secret mounted as a file; read again when it changes, so keys rotate without a
 * restart), or {@code insecure}.
 *
 * @param key          base64 of at least 32 random bytes, the same on every member; signs what this member sends
 * @param previousKeys other keys still accepted from members while a rotation goes on (only with {@code key})
 * @param keyFile      a file of base64 keys, one a line: the current key first, then the others still accepted
 * @param keyFileCheck how often the key file is read again
 * @param insecure     run without a key: frames are sealed under a well-known key that anybody can forge; for
 *                     experiments on a trusted network only, logged as a warning
 * @param replaySenders member processes whose anti-replay windows are kept (least recently heard go first)
 */
@Validated
@ConfigurationProperties("ringlab.cluster")
public record ClusterProperties(
        String key,
        @DefaultValue List<@NotNull String> previousKeys,
        Path keyFile,

        @DefaultValue("10s") @NotNull @DurationMin(millis = 100)
        Duration keyFileCheck,

        @DefaultValue("false") boolean insecure,
        @DefaultValue("1024") @Min(16) int replaySenders) {

    private static final String PREFIX = "ringlab.cluster.";

    public ClusterProperties {
        boolean keyGiven = key != null && !key.isBlank();
        int sources = (keyGiven ? 1 : 0) + (keyFile != null ? 1 : 0) + (insecure ? 1 : 0);
        if (sources == 0) {
            throw new InvalidPropertyException(
                    PREFIX + "key",
                    "not set; give every member the same base64 key of"
                            + " at least 32 random bytes (e.g. RINGLAB_CLUSTER_KEY=$(openssl rand -base64 32)), or "
                            + PREFIX + "key-file, or " + PREFIX
                            + "insecure=true for an experiment on a trusted network");
        }
        if (sources > 1) {
            throw new InvalidPropertyException(
                    insecure ? PREFIX + "insecure" : PREFIX + "key-file",
                    "set together with " + (keyGiven ? PREFIX + "key" : PREFIX + "key-file")
                            + "; give the keys one way only");
        }
        if (!keyGiven && previousKeys != null && !previousKeys.isEmpty()) {
            throw new InvalidPropertyException(
                    PREFIX + "previous-keys",
                    "set without " + PREFIX + "key; a key file lists the accepted keys itself");
        }
        if (keyGiven) {
            checkKeys(key, previousKeys == null ? List.of() : previousKeys);
        }
    }

    /** A bad key stops startup with the property's name and what is wrong, never the key. */
    private static void checkKeys(String key, List<String> previousKeys) {
        try {
            ClusterKeys.parse(key, List.of());
        } catch (ClusterKeys.InvalidKeyText e) {
            throw new InvalidPropertyException(PREFIX + "key", e.getMessage());
        }
        if (previousKeys.stream().anyMatch(java.util.Objects::isNull)) {
            return; // named by @NotNull
        }
        try {
            ClusterKeys.parse(key, previousKeys);
        } catch (ClusterKeys.InvalidKeyText e) {
            throw new InvalidPropertyException(PREFIX + "previous-keys", e.getMessage());
        }
    }

    /**
     * The keys as configured (checked when bound). A key file is read here, at startup and not when bound, as it is
     * read again later: a file that cannot be read stops startup with one line naming {@code key-file}.
     */
    public ClusterKeys keys() {
        if (insecure) {
            return ClusterKeys.insecure();
        }
        if (keyFile != null) {
            try {
                return ClusterKeyFile.read(keyFile);
            } catch (IllegalArgumentException e) {
                throw new InvalidPropertyException(PREFIX + "key-file", e.getMessage());
            }
        }
        return ClusterKeys.parse(key, previousKeys);
    }

    /** Where the keys come from, for the status: {@code property}, {@code file:<path>} or {@code insecure}. */
    public String keySource() {
        return insecure ? "insecure" : keyFile != null ? "file:" + keyFile : "property";
    }
}
