package io.ringlab.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults panel's API over a fake launcher of a multi-host lab: faults and events read through, a fault given
 * and healed with the cluster credential and the name of the person signed in, the launcher's refusal of a fault
 * passed back with its reason, and nothing forwarded without a session or its CSRF token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabFaultsApiTest {

    private static final String PASSWORD = "test-password-" + System.nanoTime();
    private static final String FAULTS = """
            {"faults": [{"id": 1, "fault": "freeze server-2", "kind": "freeze", "state": "active", "startSeconds": 3.0,
             "endSeconds": 13.0, "startEpochMillis": 1700000000000, "endEpochMillis": 1700000010000,
             "remainingSeconds": 4.5, "givenBy": null}]}""";
    private static final String EVENTS = """
            {"events": [{"epochMillis": 1700000000000, "atSeconds": 3.0, "faultId": 1, "kind": "start",
             "text": "fault 1: froze server-2 (SIGSTOP, pid 42)", "by": null}]}""";

    private FakeService launcher;
    private ConfigurableApplicationContext dashboard;
    private String base;
    private Browserless signedIn;

    @BeforeAll
    void start() throws Exception {
        launcher = new FakeService()
                .answer("GET /api/faults", 200, FAULTS)
                .answer("GET /api/events", 200, EVENTS)
                .answer(
                        "POST /api/faults",
                        body -> body.contains("bogus")
                                ? new FakeService.Answer(
                                        400,
                                        "application/problem+json",
                                        "{\"status\": 400, \"detail\": \"'bogus' is not a fault: loss, partition, freeze or kill\"}")
                                : new FakeService.Answer(201, "application/json", "{\"id\": 2, \"state\": \"active\"}"))
                .answer("POST /api/faults/1/heal", 200, FAULTS)
                .answer(
                        "POST /api/faults/9/heal",
                        404,
                        "{\"status\": 404, \"detail\": \"no fault 9 in force or scheduled\"}")
                .answer("POST /api/faults/heal", 200, FAULTS);
        dashboard = DashboardApplication.application()
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.jmx.enabled=false",
                        "--ringlab.security.password=" + PASSWORD,
                        "--ringlab.dashboard.lab-url=" + launcher.url());
        base = "http://127.0.0.1:" + dashboard.getEnvironment().getProperty("local.server.port");
        signedIn = new Browserless(base);
        signedIn.signIn("admin", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void readsTheFaultsAndTheEventsOfTheLab() throws Exception {
        assertThat(Browserless.json(signedIn.get("/api/lab")).path("present").asBoolean())
                .isTrue();

        JsonNode fault =
                Browserless.json(signedIn.get("/api/lab/faults")).path("faults").get(0);
        assertThat(fault.path("fault").asString()).isEqualTo("freeze server-2");
        assertThat(fault.path("remainingSeconds").asDouble()).isEqualTo(4.5);
        JsonNode event =
                Browserless.json(signedIn.get("/api/lab/events")).path("events").get(0);
        assertThat(event.path("text").asString()).isEqualTo("fault 1: froze server-2 (SIGSTOP, pid 42)");
    }

    @Test
    void givesAndHealsFaultsWithTheCredentialAndTheOperatorsName() throws Exception {
        HttpResponse<String> injected =
                signedIn.control("POST", "/api/lab/faults", "{\"fault\": \"for 20s loss 5% agent<->server\"}");

        assertThat(injected.statusCode()).isEqualTo(201);
        assertThat(Browserless.json(injected).path("id").asInt()).isEqualTo(2);
        FakeService.Received forwarded = launcher.received("POST", "/api/faults").stream()
                .filter(r -> r.body().contains("agent<->server"))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.body()).isEqualTo("{\"fault\":\"for 20s loss 5% agent<->server\"}");
        assertThat(forwarded.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(forwarded.operator()).isEqualTo("admin (dashboard, from 127.0.0.1)");

        assertThat(signedIn.control("POST", "/api/lab/faults/1/heal", null).statusCode())
                .isEqualTo(200);
        assertThat(launcher.received("POST", "/api/faults/1/heal"))
                .singleElement()
                .satisfies(r -> assertThat(r.operator()).startsWith("admin "));
        HttpResponse<String> unknown = signedIn.control("POST", "/api/lab/faults/9/heal", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Browserless.json(unknown).path("detail").asString()).isEqualTo("no fault 9 in force or scheduled");

        assertThat(signedIn.control("POST", "/api/lab/faults/heal", null).statusCode())
                .isEqualTo(200);
        assertThat(launcher.received("POST", "/api/faults/heal"))
                .singleElement()
                .satisfies(r -> assertThat(r.operator()).startsWith("admin "));
    }

    @Test
    void aFaultTheLauncherCannotReadComesBackWithItsReason() throws Exception {
        HttpResponse<String> bogus = signedIn.control("POST", "/api/lab/faults", "{\"fault\": \"bogus server-2\"}");

        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(Browserless.json(bogus).path("detail").asString())
                .isEqualTo("'bogus' is not a fault: loss, partition, freeze or kill");

        int forwarded = launcher.received("POST", "/api/faults").size();
        HttpResponse<String> empty = signedIn.control("POST", "/api/lab/faults", "{\"fault\": \" \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Browserless.json(empty).path("detail").asString()).startsWith("give {\"fault\": \"...\"}");
        assertThat(signedIn.control("POST", "/api/lab/faults", "{\"fault\": \"" + "x".repeat(501) + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(launcher.received("POST", "/api/faults")).hasSize(forwarded);
    }

    @Test
    void nothingIsReadOrChangedWithoutASessionOrItsCsrfToken() throws Exception {
        int before = forwarded().size();
        Browserless stranger = new Browserless(base);

        assertThat(stranger.get("/api/lab/faults").statusCode()).isEqualTo(401);
        assertThat(stranger.get("/api/lab/events").statusCode()).isEqualTo(401);
        assertThat(stranger.send("POST", "/api/lab/faults", "{\"fault\": \"freeze server-2\"}", true)
                        .statusCode())
                .isEqualTo(401);
        assertThat(stranger.send("POST", "/api/lab/faults/heal", null, false).statusCode())
                .isEqualTo(403);
        assertThat(signedIn.send("POST", "/api/lab/faults", "{\"fault\": \"freeze server-2\"}", false)
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn.send("POST", "/api/lab/faults/heal", null, false).statusCode())
                .isEqualTo(403);
        assertThat(forwarded()).hasSize(before);
    }

    /** What the launcher received but the dashboard's own reads of its events at every poll (open, no credential). */
    private List<FakeService.Received> forwarded() {
        return launcher.receivedExcept("none").stream()
                .filter(r -> !(r.method().equals("GET") && r.path().equals("/api/events") && r.authorization() == null))
                .toList();
    }
}
