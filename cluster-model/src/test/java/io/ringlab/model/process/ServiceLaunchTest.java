package io.ringlab.model.process;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLaunchTest {

    private static final String JAR = "lb-agent-service-0.1.0-exec.jar";

    @TempDir
    Path home;

    private Path jar;
    private Path cds;

    @BeforeEach
    void aBuiltJar() throws Exception {
        Path target = Files.createDirectories(home.toRealPath().resolve("lb-agent-service/target"));
        jar = Files.writeString(target.resolve(JAR), "jar");
        cds = target.resolve("cds");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T10:00:00Z")));
    }

    @Test
    void theJarWhenNoArchiveWasMade() throws Exception {
        assertThat(ServiceLaunch.arguments(jar)).containsExactly("-jar", jar.toString());
    }

    @Test
    void theExtractedJarWithItsArchiveWhenTheArchiveIsNewerThanTheJar() throws Exception {
        archive(Instant.parse("2026-01-01T10:01:00Z"));

        assertThat(ServiceLaunch.arguments(jar))
                .containsExactly(
                        "-XX:SharedArchiveFile=" + cds.resolve("lb-agent-service.jsa"),
                        "-jar",
                        cds.resolve(JAR).toString());
    }

    @Test
    void theJarWhenItWasRebuiltAfterTheArchive() throws Exception {
        archive(Instant.parse("2026-01-01T09:59:00Z"));

        assertThat(ServiceLaunch.arguments(jar)).containsExactly("-jar", jar.toString());
    }

    @Test
    void theJarWhenTheExtractedJarIsMissing() throws Exception {
        archive(Instant.parse("2026-01-01T10:01:00Z"));
        Files.delete(cds.resolve(JAR));

        assertThat(ServiceLaunch.arguments(jar)).containsExactly("-jar", jar.toString());
    }

    private void archive(Instant made) throws Exception {
        Files.createDirectories(cds);
        Files.writeString(cds.resolve(JAR), "extracted");
        Path archive = Files.writeString(cds.resolve("lb-agent-service.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(made));
    }
}
