package io.ringlab.support.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The credentials every state-changing request needs ({@code ringlab.security.*}), the same for all three
 * services, and how failed attempts to give them are throttled (the dashboard's sign-in too).
 *
 * @param username the HTTP Basic user name
 * @param password the HTTP Basic password, best given as the environment variable
 *                 {@code RINGLAB_SECURITY_PASSWORD}; blank makes the service draw a random one at start and log it
 * @param throttle failed credential checks per source address ({@code ringlab.security.throttle.*})
 */
@Validated
@ConfigurationProperties("ringlab.security")
public record ControlPlaneSecurityProperties(
        @DefaultValue("admin") @NotBlank String username,
        @DefaultValue("") String password,
        @DefaultValue @Valid @NotNull Throttle throttle) {

    /**
     * After {@code maxFailures} wrong user names or passwords from one address within {@code window}, that
     * address's attempts are answered {@code 429} for one {@code window}, without checking the password.
     *
     * @param maxFailures failures within the window that block an address
     * @param window      how long failures are counted, and how long an address stays blocked
     * @param maxSources  addresses remembered at most (the least recently seen is forgotten first)
     */
    public record Throttle(
            @DefaultValue("5") @Min(1) @Max(1000) int maxFailures,

            @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24)
            Duration window,

            @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxSources) {

        /** A throttle with these settings, reading time from {@code nanoTime}. */
        public CredentialThrottle newThrottle(LongSupplier nanoTime) {
            return new CredentialThrottle(maxFailures, window, maxSources, nanoTime);
        }
    }

    @Override
    public String toString() {
        return "ControlPlaneSecurityProperties[username=" + username + ", password=(hidden), throttle=" + throttle
                + "]";
    }
}
