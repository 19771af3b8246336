package io.ringlab.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CrossSiteRequestFilterTest {

    @Test
    void aBrowserSayingTheRequestComesFromAnotherSiteIsRefused() {
        assertThat(CrossSiteRequestFilter.refusal(post("Sec-Fetch-Site", "cross-site")))
                .contains("another site");
        assertThat(CrossSiteRequestFilter.refusal(post("Sec-Fetch-Site", "same-site")))
                .contains("another site");
        assertThat(CrossSiteRequestFilter.refusal(post("Sec-Fetch-Site", "Cross-Site")))
                .isNotNull();
    }

    @Test
    void aBrowsersOwnNavigationAndSameOriginRequestsPass() {
        assertThat(CrossSiteRequestFilter.refusal(post("Sec-Fetch-Site", "same-origin")))
                .isNull();
        assertThat(CrossSiteRequestFilter.refusal(post("Sec-Fetch-Site", "none")))
                .isNull();
    }

    @Test
    void anOriginThatIsNotTheServicesOwnIsRefused() {
        for (String origin : new String[] {
            "http://evil.example",
            "http://127.0.0.1:8002",
            "https://127.0.0.1:8001",
            "http://127.0.0.1",
            "null",
            "",
            "http://127.0.0.1:8001/path",
            "http://user@127.0.0.1:8001",
            "::"
        }) {
            assertThat(CrossSiteRequestFilter.refusal(post("Origin", origin)))
                    .as(origin)
                    .contains("another origin");
        }
    }

    @Test
    void theServicesOwnOriginPassesWrittenAsBrowsersWriteIt() {
        assertThat(CrossSiteRequestFilter.refusal(post("Origin", "http://127.0.0.1:8001")))
                .isNull();
        assertThat(CrossSiteRequestFilter.refusal(post("Origin", "HTTP://127.0.0.1:8001")))
                .isNull();

        MockHttpServletRequest defaultPort = new MockHttpServletRequest("PUT", "/api/load");
        defaultPort.setServerName("ring.example");
        defaultPort.setServerPort(80);
        defaultPort.addHeader("Origin", "http://Ring.Example");
        assertThat(CrossSiteRequestFilter.refusal(defaultPort)).isNull();

        MockHttpServletRequest v6 = new MockHttpServletRequest("POST", "/api/server/up");
        v6.setServerName("[::1]");
        v6.setServerPort(8001);
        v6.addHeader("Origin", "http://[::1]:8001");
        assertThat(CrossSiteRequestFilter.refusal(v6)).isNull();
    }

    @Test
    void aClientThatIsNotABrowserSendsNeitherHeaderAndPasses() {
        assertThat(CrossSiteRequestFilter.refusal(new MockHttpServletRequest("POST", "/api/server/up")))
                .isNull();
        assertThat(CrossSiteRequestFilter.refusal(new MockHttpServletRequest("DELETE", "/api/anything")))
                .isNull();
    }

    @Test
    void safeMethodsAlwaysPass() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/status");
            request.addHeader("Sec-Fetch-Site", "cross-site");
            request.addHeader("Origin", "http://evil.example");
            assertThat(CrossSiteRequestFilter.refusal(request)).as(method).isNull();
        }
    }

    private static MockHttpServletRequest post(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/ring/elections");
        request.setServerName("127.0.0.1");
        request.setServerPort(8001);
        request.addHeader(header, value);
        return request;
    }
}
