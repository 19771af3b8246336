package io.ringlab.dashboard.control;

import io.ringlab.dashboard.config.ClusterCredential;
import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.dashboard.events.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's controls with its real security configuration (session, CSRF token), the services behind them
 * mocked: a control needs a signed-in person and the session's CSRF token, bad input is refused with a 400 naming
 * the range before anything is forwarded, and a service's answer is handed back.
 */
@WebMvcTest(
        controllers = {
            RingControlController.class,
            LoadControlController.class,
            AgentControlController.class,
            LabController.class
        },
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "io\\.ringlab\\.dashboard\\.web\\.SecurityConfiguration"),
        properties = "ringlab.security.password=password-of-the-test")
class ControlControllersTest {

    /** The slice binds no properties by itself: the controls read the dashboard's, the sign-in the credential. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DashboardProperties.class, ClusterCredential.class})
    static class Properties {

        /** The operators' actions are counted (events.OperatorActions): metrics are no part of the slice. */
        @org.springframework.context.annotation.Bean
        io.micrometer.core.instrument.MeterRegistry meterRegistry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }
    }

    private static final Service SERVER = new Service("server-1", URI.create("http://127.0.0.1:8001"));
    private static final Service CLIENT = new Service("client-1", URI.create("http://127.0.0.1:8201"));
    private static final Service AGENT = new Service("agent-1", URI.create("http://127.0.0.1:8101"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ControlTargets targets;

    @MockitoBean
    ControlForwarder forwarder;
    /** Where the answered controls are recorded (events.OperatorActions, a WebMvcConfigurer of the slice). */
    @MockitoBean
    EventLog eventLog;
    /** Names the watched services for the actions' counter (events.OperatorActions). */
    @MockitoBean
    io.ringlab.dashboard.cluster.ClusterPoller poller;

    @BeforeEach
    void threeServices() {
        when(targets.server("server-1")).thenReturn(SERVER);
        when(targets.client("client-1")).thenReturn(CLIENT);
        when(targets.agent("agent-1")).thenReturn(AGENT);
    }

    @Test
    void aControlWithoutASessionIsUnauthorized() throws Exception {
        mvc.perform(post("/api/control/servers/server-1/down")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 30}"))
                .andExpect(status().isUnauthorized());
        verify(forwarder, never()).send(any(), anyString(), anyString(), any());
    }

    @Test
    void aControlWithoutTheCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/api/control/servers/server-1/down")
                        .with(user("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 30}"))
                .andExpect(status().isForbidden());
        verify(forwarder, never()).send(any(), anyString(), anyString(), any());
    }

    @Test
    void aDowntimeIsForwardedAndTheServersAnswerHandedBack() throws Exception {
        when(forwarder.send(SERVER, "POST", "/api/server/down", Map.of("seconds", 30)))
                .thenReturn(answer("server-1", 202, "{\"state\":\"down\",\"seconds\":30}"));

        mvc.perform(signedIn(post("/api/control/servers/server-1/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 30}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("down"));
    }

    @Test
    void aServiceThatRefusesTheDashboardsCredentialIsABadGateway() throws Exception {
        when(forwarder.send(SERVER, "POST", "/api/server/up", null)).thenReturn(answer("server-1", 401, "{}"));

        mvc.perform(signedIn(post("/api/control/servers/server-1/up")))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith(
                                "server-1 refused the dashboard's credential (HTTP 401)")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '|', textBlock = """
            {"seconds": 0} => seconds must be 1 to 3600, not 0
            {"seconds": 3601} => seconds must be 1 to 3600, not 3601
            {} => give {"seconds": N}, 1 to 3600
            """)
    void aDowntimeOutOfRangeIsABadRequest(String body, String detail) throws Exception {
        mvc.perform(signedIn(post("/api/control/servers/server-1/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(detail));
        verify(forwarder, never()).send(any(), anyString(), anyString(), any());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '|', textBlock = """
            {"threads": 0} => threads must be 1 to 100000, not 0
            {"threads": 100001} => threads must be 1 to 100000, not 100001
            {"rate": 1000001} => rate must be 0 (closed loop) to 1000000 requests/s, not 1000001.0
            {"rate": -1} => rate must be 0 (closed loop) to 1000000 requests/s, not -1.0
            {} => give {"threads": N} and/or {"rate": R} (requests/s, 0 = closed loop)
            """)
    void aLoadOutOfTheLimitsIsABadRequest(String body, String detail) throws Exception {
        mvc.perform(signedIn(put("/api/control/clients/client-1/load"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(detail));
        verify(forwarder, never()).send(any(), anyString(), anyString(), any());
    }

    @Test
    void anUnknownStrategyIsABadRequestNamingTheKnownOnes() throws Exception {
        mvc.perform(signedIn(post("/api/control/agents/agent-1/strategy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strategy\": \"random\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("unknown strategy 'random'; known: [round-robin,"
                                + " least-outstanding, p2c-outstanding, p2c-latency, weighted-round-robin]"));
        verify(forwarder, never()).send(any(), anyString(), anyString(), any());
    }

    @Test
    void withoutALabTheLabsControlsAreNotFound() throws Exception {
        mvc.perform(get("/api/lab").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.present").value(false));
        mvc.perform(signedIn(post("/api/lab/faults"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fault\": \"for 20s loss 5% agent<->server\"}"))
                .andExpect(status().isNotFound())
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "no lab: the dashboard was started without ringlab.dashboard.lab-url (bin/ringlab-lab sets it)"));
        verify(forwarder, never()).send(any(), anyString(), anyString(), any(), any());
    }

    private static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(user("admin")).with(csrf());
    }

    private static CompletableFuture<Forwarded> answer(String service, int status, String json) {
        return CompletableFuture.completedFuture(
                new Forwarded(service, status, "application/json", json.getBytes(StandardCharsets.UTF_8), null));
    }
}
