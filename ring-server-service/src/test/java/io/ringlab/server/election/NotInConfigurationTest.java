package io.ringlab.server.election;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.server.RingServerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started with a ring list that does not name it (a pod added by {@code kubectl scale} before the ConfigMap
 * was edited): it starts, says so in one line, takes no part in the ring, and its readiness stays down.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotInConfigurationTest {

    private static final List<String> MEMBERS = List.of("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3");

    @Test
    void startsNotReadyAndShowsItsConfiguration(CapturedOutput output) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (ConfigurableApplicationContext app = RingServerApplication.application()
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.jmx.enabled=false",
                        "--ringlab.cluster.key=" + Base64.getEncoder().encodeToString(key),
                        "--ringlab.server.port=0",
                        "--ringlab.server.bind-address=127.0.0.1",
                        "--ringlab.server.ring.self=127.0.0.1:4",
                        "--ringlab.server.ring.peers=" + String.join(",", MEMBERS))) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> readiness = get(http, base + "/actuator/health/readiness");
            HttpResponse<String> liveness = get(http, base + "/actuator/health/liveness");
            HttpResponse<String> ring = get(http, base + "/api/ring");

            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"DOWN\"");
            assertThat(liveness.statusCode()).as("alive, only not ready").isEqualTo(200);
            assertThat(ring.statusCode()).isEqualTo(200);
            assertThat(ring.body())
                    .contains("\"state\":\"not-in-configuration\"")
                    .contains("\"configuration\":\"" + ConfigurationId.of(MEMBERS) + "\"")
                    .contains("\"members\":[\"127.0.0.1:1\",\"127.0.0.1:2\",\"127.0.0.1:3\"]");
            assertThat(app.getBean(RingService.class).enabled())
                    .as("no part in the ring")
                    .isFalse();
            assertThat(output.getAll().lines().filter(line -> line.contains("is not in the ring's configuration")))
                    .hasSize(1);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
