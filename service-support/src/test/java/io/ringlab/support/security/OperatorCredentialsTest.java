package io.ringlab.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorCredentialsTest {

    private final String password = OperatorCredentials.randomPassword();

    @Test
    void onlyTheConfiguredUserAndPasswordMatch() {
        OperatorCredentials credentials = OperatorCredentials.from(properties("operator", password));
        assertThat(credentials.match("operator", password)).isTrue();
        assertThat(credentials.match("operator", password + "x")).isFalse();
        assertThat(credentials.match("admin", password)).isFalse();
        assertThat(credentials.match("operator", "")).isFalse();
        assertThat(credentials.toString()).doesNotContain(password);
    }

    @Test
    void aBlankPasswordIsReplacedByARandomOneEachTime() {
        OperatorCredentials first = OperatorCredentials.from(properties("admin", " "));
        assertThat(first.match("admin", " ")).isFalse();
        assertThat(first.match("admin", "")).isFalse();
        assertThat(OperatorCredentials.randomPassword())
                .hasSizeGreaterThanOrEqualTo(20)
                .isNotEqualTo(OperatorCredentials.randomPassword());
    }

    @Test
    void theProviderAuthenticatesTheOperatorAndRefusesAnyoneElse() {
        var provider = new OperatorAuthenticationProvider(OperatorCredentials.from(properties("admin", password)));
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password))
                        .isAuthenticated())
                .isTrue();
        assertThatThrownBy(() ->
                        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static ControlPlaneSecurityProperties properties(String username, String password) {
        return new ControlPlaneSecurityProperties(
                username, password, new ControlPlaneSecurityProperties.Throttle(5, Duration.ofMinutes(1), 100));
    }
}
