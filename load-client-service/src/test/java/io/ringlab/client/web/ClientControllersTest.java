package io.ringlab.client.web;

import io.ringlab.client.config.LoadSettings;
import io.ringlab.client.load.ClientStatusSource;
import io.ringlab.client.load.LoadGenerator;
import io.ringlab.client.load.LoadStatistics;
import io.ringlab.support.security.ControlPlaneSecurityConfiguration;
import io.ringlab.support.web.ControlPlaneWebConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The load client's REST API with the real security configuration and problem documents, the load behind it
 * mocked: reads are open, every control needs the operator's credentials, and values beyond the control limits
 * get a 400 saying the range.
 */
@WebMvcTest(
        controllers = {LoadController.class, ClientStatusController.class},
        properties = "ringlab.security.password=" + ClientControllersTest.PASSWORD)
@ImportAutoConfiguration({ControlPlaneSecurityConfiguration.class, ControlPlaneWebConfiguration.class})
class ClientControllersTest {

    static final String PASSWORD = "password-of-the-test";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LoadGenerator generator;

    @MockitoBean
    LoadStatistics statistics;

    @MockitoBean
    ClientStatusSource statusSource;

    @BeforeEach
    void aClosedLoopOf500() {
        when(generator.settings()).thenReturn(new LoadSettings(500, 0));
    }

    @Test
    void theStatusIsOpenToAnyone() throws Exception {
        mvc.perform(get("/api/status")).andExpect(status().isOk());
        verify(statusSource).status();
    }

    @Test
    void controlsNeedCredentials() throws Exception {
        mvc.perform(post("/api/load/start")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/load").contentType(MediaType.APPLICATION_JSON).content("{\"threads\": 10}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/load/reset")).andExpect(status().isUnauthorized());
        verify(generator, never()).start();
        verify(generator, never()).update(any());
        verify(statistics, never()).reset();
    }

    @Test
    void aControlSentFromAnotherSiteIsRefused() throws Exception {
        mvc.perform(operator(post("/api/load/stop")).header("Origin", "null")).andExpect(status().isForbidden());
        verify(generator, never()).stop();
    }

    @Test
    void startsAndAnswersTheLoad() throws Exception {
        when(generator.start()).thenReturn(true);
        when(generator.isRunning()).thenReturn(true);

        mvc.perform(operator(post("/api/load/start")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.mode").value("closed-loop"))
                .andExpect(jsonPath("$.threads").value(500));
    }

    @Test
    void startingARunningLoadIsAConflict() throws Exception {
        when(generator.start()).thenReturn(false);

        mvc.perform(operator(post("/api/load/start")))
                .andExpect(status().isConflict())
                .andExpect(
                        jsonPath("$.detail").value("the load is already running; PUT /api/load changes its settings"));
    }

    @Test
    void changesTheThreads() throws Exception {
        mvc.perform(operator(put("/api/load"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"threads\": 100}"))
                .andExpect(status().isOk());
        org.mockito.ArgumentCaptor<UnaryOperator<LoadSettings>> change = org.mockito.ArgumentCaptor.captor();
        verify(generator).update(change.capture());
        org.assertj.core.api.Assertions.assertThat(change.getValue().apply(new LoadSettings(500, 0)))
                .isEqualTo(new LoadSettings(100, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '|', textBlock = """
            {"threads": 0} => 'threads' must be a whole number from 1 to 100000, got 0
            {"threads": 100001} => 'threads' must be a whole number from 1 to 100000, got 100001
            {"rate": -1} => 'rate' must be a number from 0 to 1000000, got -1
            {"rate": 1000001} => 'rate' must be a number from 0 to 1000000, got 1000001
            {"threads": "many"} => 'threads' must be a whole number from 1 to 100000, got "many"
            {"thread": 10} => unknown field 'thread'; the fields are rate, threads
            {} => give threads and/or rate, e.g. {"threads": 100} or {"rate": 5000}
            """)
    void aBadChangeIsABadRequestAndChangesNothing(String body, String detail) throws Exception {
        mvc.perform(operator(put("/api/load"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(detail));
        verify(generator, never()).update(any());
    }

    static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
        return request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
