package io.ringlab.launcher;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterCredentialTest {

    @Test
    void withoutAPasswordInTheEnvironmentOneIsDrawnForTheRunAndPrinted() {
        ClusterCredential first = ClusterCredential.from(Map.of(), new SecureRandom());
        ClusterCredential second = ClusterCredential.from(Map.of(), new SecureRandom());

        assertThat(first.username()).isEqualTo("admin");
        assertThat(first.generated()).isTrue();
        assertThat(first.password()).hasSize(24).matches("[A-Za-z0-9_-]+").isNotEqualTo(second.password());
        assertThat(first.signInHint()).contains("admin", first.password());
        assertThat(first.environment()).containsEntry("RINGLAB_SECURITY_PASSWORD", first.password());
    }

    @Test
    void aPasswordChosenInTheEnvironmentIsUsedAndNeverPrinted() {
        ClusterCredential chosen = ClusterCredential.from(Map.of("RINGLAB_SECURITY_PASSWORD", "correct horse",
                "RINGLAB_SECURITY_USERNAME", "operator"), new SecureRandom());

        assertThat(chosen.generated()).isFalse();
        assertThat(chosen).extracting(ClusterCredential::username, ClusterCredential::password)
                .containsExactly("operator", "correct horse");
        assertThat(chosen.signInHint()).contains("operator").doesNotContain("correct horse");
        assertThat(chosen.toString()).doesNotContain("correct horse");
    }
}
