package io.ringlab.system;

import io.ringlab.server.RingServerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started without {@code ringlab.security.password} draws a password, says so in one WARN line that
 * includes it, and takes that password (and no other) for its control endpoints.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedPasswordTest {

    private static final Pattern WARNING = Pattern.compile(
            "WARN .*ringlab\\.security\\.password is not set.* generated password for user 'admin' for this run: (\\S+)$");

    @Test
    void aServiceWithoutPasswordGeneratesOneLogsItOnceAndTakesIt(CapturedOutput output) {
        try (RunningService server = new RunningService(
                "server-1",
                RingServerApplication.application()
                        .run(
                                "--server.port=0",
                                "--spring.jmx.enabled=false",
                                "--ringlab.server.port=0",
                                "--ringlab.cluster.key=" + Cluster.CLUSTER_KEY))) {
            List<String> warnings = output.getAll()
                    .lines()
                    .filter(line -> line.contains("generated password"))
                    .toList();
            assertThat(warnings).as("one line").hasSize(1);
            Matcher matcher = WARNING.matcher(warnings.get(0));
            assertThat(matcher.find()).as(warnings.get(0)).isTrue();
            String password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getAll())
                    .as("Spring Boot's own generated password is not used")
                    .doesNotContain("Using generated security password");

            assertThat(ControlClient.sendAs(server, "POST", "/api/server/down", "{\"seconds\":1}", "admin", "admin")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(ControlClient.sendAs(server, "POST", "/api/server/down", "{\"seconds\":1}", "admin", password)
                            .statusCode())
                    .isEqualTo(202);
        }
    }
}
