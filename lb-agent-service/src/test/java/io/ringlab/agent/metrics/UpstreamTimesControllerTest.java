package io.ringlab.agent.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ringlab.support.security.ControlPlaneSecurityConfiguration;
import io.ringlab.support.web.ControlPlaneWebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/upstream}: open to anyone, with the real security configuration; nothing else is. */
@WebMvcTest(
        controllers = UpstreamTimesController.class,
        properties = {
            "ringlab.agent.servers=localhost:4242",
            "ringlab.cluster.insecure=true",
            "ringlab.security.password=password-of-the-test"
        })
@ImportAutoConfiguration({ControlPlaneSecurityConfiguration.class, ControlPlaneWebConfiguration.class})
class UpstreamTimesControllerTest {

    /**
     * A real one with no server yet: a Mockito mock of this class would instrument it for the whole test JVM, and
     * UpstreamTimesTest checks that recording allocates nothing.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoServerYet {

        @Bean
        UpstreamTimes upstreamTimes() {
            return new UpstreamTimes(new SimpleMeterRegistry(), 4);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void readsEachServersTimesOpenly() throws Exception {
        mvc.perform(get("/api/upstream"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void writingToItNeedsCredentials() throws Exception {
        mvc.perform(post("/api/upstream")).andExpect(status().isUnauthorized());
    }
}
