package io.ringlab.support.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.ringlab.support.config.ConfigurationLines.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringlab.cluster.*}: one source of keys, each key valid; a bad one stops startup naming it, never the key. */
class ClusterPropertiesTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.cluster.replay-senders=1024 => ringlab.cluster.key: not set; give every member the same base64 key of at least 32 random bytes (e.g. RINGLAB_CLUSTER_KEY=$(openssl rand -base64 32)), or ringlab.cluster.key-file, or ringlab.cluster.insecure=true for an experiment on a trusted network
            ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; ringlab.cluster.insecure=true => ringlab.cluster.insecure: set together with ringlab.cluster.key; give the keys one way only
            ringlab.cluster.key-file=/keys; ringlab.cluster.insecure=true => ringlab.cluster.insecure: set together with ringlab.cluster.key-file; give the keys one way only
            ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; ringlab.cluster.key-file=/keys => ringlab.cluster.key-file: set together with ringlab.cluster.key; give the keys one way only
            ringlab.cluster.insecure=true; ringlab.cluster.previous-keys=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= => ringlab.cluster.previous-keys: set without ringlab.cluster.key; a key file lists the accepted keys itself
            ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAA== => ringlab.cluster.key: the key has 16 bytes; at least 32 are needed (e.g. `openssl rand -base64 32`)
            ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; ringlab.cluster.previous-keys=%%% => ringlab.cluster.previous-keys: key [0] is not base64 (Illegal base64 character 25)
            ringlab.cluster.insecure=true; ringlab.cluster.replay-senders=15 => ringlab.cluster.replay-senders=15: must be greater than or equal to 16
            ringlab.cluster.insecure=true; ringlab.cluster.key-file-check=10ms => ringlab.cluster.key-file-check=PT0.01S: must be longer than or equal to 100 millis
            """)
    void badKeysNameTheProperty(String properties, String line) {
        assertFailsWith(runner, "Invalid configuration: " + line, properties.split("; "));
    }

    @Test
    void aKeyWithPreviousKeysGivesThemAll() {
        String previous = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
        runner.withPropertyValues("ringlab.cluster.key=" + KEY, "ringlab.cluster.previous-keys=" + previous)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ClusterProperties cluster = context.getBean(ClusterProperties.class);
                    assertThat(cluster.keys().acceptedKeyIds()).hasSize(2);
                    assertThat(cluster.keySource()).isEqualTo("property");
                });
    }

    @Test
    void aKeyFileIsReadWhenTheKeysAreAskedFor(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("keys"), KEY + "\n");
        runner.withPropertyValues("ringlab.cluster.key-file=" + file).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ClusterProperties.class).keys().acceptedKeyIds())
                    .hasSize(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ClusterProperties.class)
    static class Bound {}
}
