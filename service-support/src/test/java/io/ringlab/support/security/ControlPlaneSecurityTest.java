package io.ringlab.support.security;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The control plane's filter chain as every service has it, over a stand-in control endpoint: cross-site browser
 * requests refused, other clients unchanged, and wrong credentials throttled per address.
 */
@SpringBootTest(
        classes = ControlPlaneSecurityTest.Service.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "ringlab.security.password=" + ControlPlaneSecurityTest.PASSWORD,
            "ringlab.security.throttle.max-failures=3",
            "spring.jmx.enabled=false"
        })
class ControlPlaneSecurityTest {

    static final String PASSWORD = "the-operators-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Control.class)
    static class Service {}

    /** One state-changing endpoint that counts the requests it handled. */
    @RestController
    static class Control {

        final AtomicInteger handled = new AtomicInteger();

        @PostMapping("/api/poke")
        Map<String, Integer> poke() {
            return Map.of("handled", handled.incrementAndGet());
        }

        @GetMapping("/api/poke")
        Map<String, Integer> read() {
            return Map.of("handled", handled.get());
        }
    }

    @Autowired
    private WebApplicationContext context;

    @Autowired
    private Control control;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @Test
    void aCrossSitePostIsRefusedWith403EvenWithTheRightCredentials() throws Exception {
        int before = control.handled.get();

        MockHttpServletResponse fetchSite = perform(
                post("/api/poke").header("Sec-Fetch-Site", "cross-site").header("Authorization", basic(PASSWORD)),
                "10.1.0.1");
        MockHttpServletResponse origin = perform(
                post("/api/poke").header("Origin", "http://evil.example").header("Authorization", basic(PASSWORD)),
                "10.1.0.1");
        MockHttpServletResponse bodyless = perform(post("/api/poke").header("Origin", "null"), "10.1.0.1");

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {fetchSite, origin, bodyless}) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.path("status").asInt()).isEqualTo(403);
            assertThat(problem.path("detail").asString())
                    .contains("a browser sent this request from a page of another");
        }
        assertThat(control.handled.get()).as("nothing handled").isEqualTo(before);
    }

    @Test
    void aSameOriginPostWithTheRightCredentialsIsHandled() throws Exception {
        int before = control.handled.get();

        MockHttpServletResponse response = perform(
                post("/api/poke")
                        .header("Origin", "http://localhost")
                        .header("Sec-Fetch-Site", "same-origin")
                        .header("Authorization", basic(PASSWORD)),
                "10.2.0.1");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(control.handled.get()).isEqualTo(before + 1);
    }

    @Test
    void aPostFromAClientThatIsNotABrowserIsHandledAsBefore() throws Exception {
        int before = control.handled.get();

        assertThat(perform(post("/api/poke").header("Authorization", basic(PASSWORD)), "10.3.0.1")
                        .getStatus())
                .isEqualTo(200);
        MockHttpServletResponse withoutCredentials = perform(post("/api/poke"), "10.3.0.1");
        assertThat(withoutCredentials.getStatus()).isEqualTo(401);
        assertThat(withoutCredentials.getHeader("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(control.handled.get()).isEqualTo(before + 1);
    }

    @Test
    void aCrossSiteGetIsAllowed() throws Exception {
        MockHttpServletResponse response = perform(
                get("/api/poke").header("Sec-Fetch-Site", "cross-site").header("Origin", "http://evil.example"),
                "10.4.0.1");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("handled");
    }

    @Test
    void afterThreeWrongPasswordsAnAddressIsAnswered429WithoutCheckingThePassword() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(perform(post("/api/poke").header("Authorization", basic("guess-" + attempt)), "10.5.0.1")
                            .getStatus())
                    .isEqualTo(401);
        }
        int before = control.handled.get();

        MockHttpServletResponse throttled =
                perform(post("/api/poke").header("Authorization", basic(PASSWORD)), "10.5.0.1");

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(throttled.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JSON.readTree(throttled.getContentAsString(StandardCharsets.UTF_8))
                        .path("detail")
                        .asString())
                .startsWith("too many wrong user names or passwords from this address (3 within 60 s): try again in");
        assertThat(control.handled.get())
                .as("the right password, not even checked")
                .isEqualTo(before);

        assertThat(perform(post("/api/poke").header("Authorization", basic(PASSWORD)), "10.5.0.2")
                        .getStatus())
                .as("another address")
                .isEqualTo(200);
        assertThat(perform(get("/api/poke"), "10.5.0.1").getStatus())
                .as("reading stays open")
                .isEqualTo(200);
    }

    @Test
    void theRightPasswordStartsTheCountAgain() throws Exception {
        for (String password : new String[] {"wrong", "wrong", PASSWORD, "wrong", "wrong"}) {
            perform(post("/api/poke").header("Authorization", basic(password)), "10.6.0.1");
        }

        assertThat(perform(post("/api/poke").header("Authorization", basic("wrong")), "10.6.0.1")
                        .getStatus())
                .as("the third wrong one in a row: checked and refused, not throttled")
                .isEqualTo(401);
        assertThat(perform(post("/api/poke").header("Authorization", basic(PASSWORD)), "10.6.0.1")
                        .getStatus())
                .isEqualTo(429);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String remoteAddress)
            throws Exception {
        return mvc.perform(request.with(r -> {
                    r.setRemoteAddr(remoteAddress);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
