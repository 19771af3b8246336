package io.ringlab.dashboard.web;

import io.ringlab.dashboard.cluster.ClusterPoller;
import io.ringlab.dashboard.config.ClusterCredential;
import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.events.EventLog;
import io.ringlab.support.control.ControlLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's page-side endpoints with its real security configuration: the session endpoint and the sign-in
 * page are open, the cluster's data needs a signed-in person (401 for the API, a redirect to the sign-in page
 * for the rest).
 */
@WebMvcTest(
        controllers = {SessionController.class, ClusterController.class, PageController.class},
        properties = "ringlab.security.password=password-of-the-test")
@Import(SecurityConfiguration.class)
class DashboardWebTest {

    /** The slice binds no properties by itself. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DashboardProperties.class, ClusterCredential.class})
    static class Properties {

        /** The operators' actions are counted (events.OperatorActions): metrics are no part of the slice. */
        @org.springframework.context.annotation.Bean
        io.micrometer.core.instrument.MeterRegistry meterRegistry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClusterPoller poller;
    /** Where answered controls are recorded (events.OperatorActions, a WebMvcConfigurer of the slice). */
    @MockitoBean
    EventLog eventLog;

    @Test
    void theSessionEndpointIsOpenAndGivesTheCsrfToken() throws Exception {
        mvc.perform(get("/api/session"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedIn").value(false))
                .andExpect(jsonPath("$.csrf.headerName").value("X-CSRF-TOKEN"))
                .andExpect(jsonPath("$.csrf.token").isNotEmpty())
                .andExpect(jsonPath("$.limits.downSeconds").value(ControlLimits.MAX_DOWN_SECONDS))
                .andExpect(jsonPath("$.limits.threads").value(ControlLimits.MAX_THREADS))
                .andExpect(jsonPath("$.limits.rate").value(ControlLimits.MAX_RATE));
        mvc.perform(get("/api/session").with(user("admin")))
                .andExpect(jsonPath("$.signedIn").value(true))
                .andExpect(jsonPath("$.username").value("admin"));
    }

    @Test
    void theClustersDataNeedsASignedInPerson() throws Exception {
        mvc.perform(get("/api/cluster")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/history")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/links")).andExpect(status().isUnauthorized());
        verify(poller, never()).latest();
    }

    @Test
    void aSignedInPersonReadsTheCluster() throws Exception {
        when(poller.history()).thenReturn(Map.of());

        mvc.perform(get("/api/cluster").with(user("admin"))).andExpect(status().isOk());
        verify(poller).latest();
        mvc.perform(get("/api/history").with(user("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/links").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grafana").doesNotExist());
    }

    @Test
    void theSignInPageIsOpenAndEverythingElseSendsAPersonThere() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(forwardedUrl("/login.html"));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }
}
