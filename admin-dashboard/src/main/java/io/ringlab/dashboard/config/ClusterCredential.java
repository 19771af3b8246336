package io.ringlab.dashboard.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cluster's credential ({@code ringlab.security.*}, environment {@code RINGLAB_SECURITY_PASSWORD}), the same
 * properties as the services'. A person signs in to the dashboard with it, and the dashboard sends it with
 * every control it forwards to a service. There is no default password: the local run generates one.
 *
 * @param username the user name (default {@code admin})
 * @param password the password
 */
@Validated
@ConfigurationProperties("ringlab.security")
public record ClusterCredential(
        @DefaultValue("admin") @NotBlank String username,

        @NotBlank(message = "must be set (environment RINGLAB_SECURITY_PASSWORD); the local run generates one")
        String password) {

    /** The value of an HTTP {@code Authorization} header for Basic authentication. */
    public String basicAuthorization() {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ClusterCredential[username=" + username + ", password=(hidden)]";
    }
}
