package io.ringlab.agent.web;

import io.ringlab.agent.balancing.Strategies;
import io.ringlab.agent.balancing.SwitchableStrategy;
import io.ringlab.agent.routing.AgentStatusSource;
import io.ringlab.support.security.ControlPlaneSecurityConfiguration;
import io.ringlab.support.web.ControlPlaneWebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agent's REST API with the real security configuration and problem documents, the routing behind it mocked:
 * reads are open, switching the strategy needs the operator's credentials, and a bad name gets a 400 naming the
 * known ones.
 */
@WebMvcTest(
        controllers = {AgentController.class, AgentStatusController.class},
        properties = {"ringlab.agent.servers=localhost:4242", "ringlab.cluster.insecure=true"})
@ImportAutoConfiguration({ControlPlaneSecurityConfiguration.class, ControlPlaneWebConfiguration.class})
@TestPropertySource(properties = "ringlab.security.password=" + AgentControllersTest.PASSWORD)
class AgentControllersTest {

    /** The real strategy, starting at round-robin: it is on the agent's hot path, so no Mockito mock of its class. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RoundRobinFirst {

        @Bean
        SwitchableStrategy strategy() {
            return new SwitchableStrategy(Strategies.create("round-robin"));
        }
    }

    static final String PASSWORD = "password-of-the-test";
    private static final String KNOWN =
            "[round-robin, least-outstanding, p2c-outstanding, p2c-latency, weighted-round-robin]";

    @Autowired
    MockMvc mvc;

    @Autowired
    SwitchableStrategy strategy;

    @MockitoBean
    AgentStatusSource statusSource;

    @Test
    void theStatusIsOpenToAnyone() throws Exception {
        mvc.perform(get("/api/status")).andExpect(status().isOk());
        verify(statusSource).status();
    }

    @Test
    void switchingTheStrategyNeedsCredentials() throws Exception {
        mvc.perform(post("/api/agent/strategy")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strategy\": \"least-outstanding\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        assertThat(strategy.name()).isEqualTo("round-robin");
    }

    @Test
    void aSwitchSentFromAnotherSiteIsRefused() throws Exception {
        mvc.perform(operator(post("/api/agent/strategy"))
                        .header("Sec-Fetch-Site", "cross-site")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strategy\": \"least-outstanding\"}"))
                .andExpect(status().isForbidden());
        assertThat(strategy.name()).isEqualTo("round-robin");
    }

    @Test
    void switchesToAKnownStrategy() throws Exception {
        mvc.perform(operator(post("/api/agent/strategy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strategy\": \" least-outstanding \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.strategy").value("least-outstanding"));
        assertThat(strategy.name()).isEqualTo("least-outstanding");
    }

    @Test
    void anUnknownOrMissingStrategyIsABadRequestNamingTheKnownOnes() throws Exception {
        mvc.perform(operator(post("/api/agent/strategy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strategy\": \"random\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown strategy 'random'; known: " + KNOWN));
        mvc.perform(operator(post("/api/agent/strategy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("give {\"strategy\": name}, one of " + KNOWN));
        mvc.perform(operator(post("/api/agent/strategy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("the request body is not valid JSON")));
        assertThat(strategy.name()).isEqualTo("round-robin");
    }

    static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
        return request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
