package io.ringlab.support.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationErrorAnalyzerTest {

    @Test
    void fieldPathsAreWrittenAsInConfiguration() {
        assertThat(ConfigurationErrorAnalyzer.kebabCase("udp.maxDatagramSize")).isEqualTo("udp.max-datagram-size");
        assertThat(ConfigurationErrorAnalyzer.kebabCase("payload[2]")).isEqualTo("payload[2]");
    }
}
