package io.ringlab.launcher.lab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RootCheckTest {

    @Test
    void refusesEveryoneButRootInOneLine() {
        assertThat(RootCheck.refusal(0)).isEmpty();
        assertThat(RootCheck.refusal(1000))
                .hasValueSatisfying(
                        line -> assertThat(line).contains("needs root").doesNotContain("\n"));
    }
}
