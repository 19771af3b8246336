package io.ringlab.support.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The credentials every state-changing request needs ({@code ringlab.security.*}), the same for all three
 * services.
 *
 * @param username the HTTP Basic user name
 * @param password the HTTP Basic password, best given as the environment variable
 *                 {@code RINGLAB_SECURITY_PASSWORD}; blank makes the service draw a random one at start and log it
 */
@Validated
@ConfigurationProperties("ringlab.security")
public record ControlPlaneSecurityProperties(
        @DefaultValue("admin") @NotBlank String username,
        @DefaultValue("") String password) {

    @Override
    public String toString() {
        return "ControlPlaneSecurityProperties[username=" + username + ", password=(hidden)]";
    }
}
