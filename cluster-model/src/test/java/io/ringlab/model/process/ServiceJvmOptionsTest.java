package io.ringlab.model.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJvmOptionsTest {

    @TempDir
    Path home;

    @Test
    void oneOptionALineWithoutCommentsOrBlankLines() throws Exception {
        Files.createDirectories(home.resolve("lb-agent-service"));
        Files.writeString(home.resolve("lb-agent-service/jvm.options"), """
                # the agent: small heap
                -Xmx96m

                  -XX:+UseSerialGC \s
                """);

        assertThat(ServiceJvmOptions.of(home, "lb-agent-service")).containsExactly("-Xmx96m", "-XX:+UseSerialGC");
    }

    @Test
    void aModuleWithoutTheFileHasNone() {
        assertThat(ServiceJvmOptions.of(home, "admin-dashboard")).isEmpty();
    }
}
