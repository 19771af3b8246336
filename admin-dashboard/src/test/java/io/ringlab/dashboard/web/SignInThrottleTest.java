package io.ringlab.dashboard.web;

import io.ringlab.dashboard.DashboardApplication;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The sign-in form, throttled per address: after 5 wrong passwords in a minute an address gets 429. */
@SpringBootTest(
        classes = DashboardApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"ringlab.security.password=" + SignInThrottleTest.PASSWORD, "spring.jmx.enabled=false"})
class SignInThrottleTest {

    static final String PASSWORD = "the-cluster-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @Test
    void afterFiveWrongPasswordsFromOneAddressItsSignInsAreAnswered429() throws Exception {
        MockHttpSession session = new MockHttpSession();
        for (int attempt = 1; attempt <= 5; attempt++) {
            MockHttpServletResponse refused = signIn(session, "guess-" + attempt, "10.9.0.1");
            assertThat(refused.getStatus()).as("attempt %d", attempt).isEqualTo(302);
            assertThat(refused.getRedirectedUrl()).endsWith("/login?error");
        }

        MockHttpServletResponse throttled = signIn(session, PASSWORD, "10.9.0.1");

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(throttled.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(throttled.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString())
                .startsWith("too many wrong user names or passwords from this address (5 within 60 s): try again in");
        assertThat(perform(get("/api/cluster").session(session), "10.9.0.1").getStatus())
                .as("the right password was not even checked: not signed in")
                .isEqualTo(401);
    }

    @Test
    void anotherAddressStillSignsIn() throws Exception {
        MockHttpSession attacker = new MockHttpSession();
        for (int attempt = 1; attempt <= 6; attempt++) {
            signIn(attacker, "guess-" + attempt, "10.9.1.1");
        }

        MockHttpServletResponse signedIn = signIn(new MockHttpSession(), PASSWORD, "10.9.1.2");

        assertThat(signedIn.getStatus()).isEqualTo(302);
        assertThat(signedIn.getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void aRightPasswordStartsTheCountAgain() throws Exception {
        for (String password :
                new String[] {"wrong", "wrong", "wrong", "wrong", PASSWORD, "wrong", "wrong", "wrong", "wrong"}) {
            signIn(new MockHttpSession(), password, "10.9.2.1");
        }

        MockHttpServletResponse fifth = signIn(new MockHttpSession(), "wrong", "10.9.2.1");
        assertThat(fifth.getStatus()).as("checked and refused, not throttled").isEqualTo(302);
        assertThat(signIn(new MockHttpSession(), PASSWORD, "10.9.2.1").getStatus())
                .isEqualTo(429);
    }

    private MockHttpServletResponse signIn(MockHttpSession session, String password, String address) throws Exception {
        String csrf = JSON.readTree(
                        perform(get("/api/session").session(session), address).getContentAsString())
                .path("csrf")
                .path("token")
                .asString();
        return perform(
                post("/login")
                        .session(session)
                        .param("username", "admin")
                        .param("password", password)
                        .param("_csrf", csrf),
                address);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String address) throws Exception {
        return mvc.perform(request.with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }
}
