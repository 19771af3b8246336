package io.ringlab.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCredentialsTest {

    @Test
    void aPasswordInTheEnvironmentIsInheritedByTheServicesAndNotPrinted() {
        String password = Long.toHexString(System.nanoTime());
        ControlCredentials credentials =
                ControlCredentials.fromEnvironment(Map.of("RINGLAB_SECURITY_PASSWORD", password));
        assertThat(credentials.generated()).isFalse();
        assertThat(credentials.environment()).isEmpty();
        assertThat(credentials.describe()).doesNotContain(password).contains("RINGLAB_SECURITY_PASSWORD");
    }

    @Test
    void withoutOneARandomPasswordIsDrawnForTheRunGivenToEveryServiceAndPrinted() {
        ControlCredentials first = ControlCredentials.fromEnvironment(Map.of());
        ControlCredentials second = ControlCredentials.fromEnvironment(Map.of());
        assertThat(first.username()).isEqualTo("admin");
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(second.password());
        assertThat(first.environment()).containsEntry("RINGLAB_SECURITY_PASSWORD", first.password());
        assertThat(first.describe()).contains(first.password());
        assertThat(first.toString()).doesNotContain(first.password());
    }
}
