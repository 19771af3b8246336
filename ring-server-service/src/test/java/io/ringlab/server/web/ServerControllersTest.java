package io.ringlab.server.web;

import io.ringlab.election.StartResult;
import io.ringlab.server.downtime.ManualDowntime;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.server.election.RingService;
import io.ringlab.server.status.ServerStatusSource;
import io.ringlab.support.security.ControlPlaneSecurityConfiguration;
import io.ringlab.support.web.ControlPlaneWebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ring server's REST API with the real security configuration and problem documents, the election and downtime
 * behind it mocked: reads are open, every control needs the operator's credentials and is refused cross-site, and
 * bad input gets a 4xx with a message.
 */
// the cluster's ClusterController comes with ClusterAuthConfiguration, which RingServerApplication imports
@WebMvcTest(controllers = {ServerController.class, RingController.class, ServerStatusController.class})
@ImportAutoConfiguration({ControlPlaneSecurityConfiguration.class, ControlPlaneWebConfiguration.class})
@TestPropertySource(
        properties = {"ringlab.security.password=" + ServerControllersTest.PASSWORD, "ringlab.cluster.insecure=true"})
class ServerControllersTest {

    static final String PASSWORD = "password-of-the-test";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ManualDowntime downtime;

    @MockitoBean
    ServerAvailability availability;

    @MockitoBean
    RingService ring;

    @MockitoBean
    ServerStatusSource statusSource;

    @Test
    void theStatusIsOpenToAnyone() throws Exception {
        mvc.perform(get("/api/status")).andExpect(status().isOk());
        verify(statusSource).status();
    }

    @Test
    void theClusterMembershipIsOpenToReadAndNamesNoKey() throws Exception {
        mvc.perform(get("/api/cluster"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.insecure").value(true))
                .andExpect(jsonPath("$.keySource").value("insecure"))
                .andExpect(jsonPath("$.incarnation").isNotEmpty());
        mvc.perform(post("/api/cluster")).andExpect(status().isUnauthorized());
    }

    @Test
    void goingDownNeedsCredentials() throws Exception {
        mvc.perform(post("/api/server/down")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 30}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"RingLab\", charset=\"UTF-8\""))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "this request changes state: send HTTP Basic credentials (ringlab.security.username and password)"))
                .andExpect(jsonPath("$.instance").value("/api/server/down"));
        verify(downtime, never()).goDown(anyLong());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(post("/api/server/up").header("Authorization", basic("admin", "guess")))
                .andExpect(status().isUnauthorized())
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "wrong user name or password; this request changes state and needs the ringlab.security credentials"));
        verify(downtime, never()).comeUp();
    }

    @Test
    void aControlSentFromAnotherSiteIsRefusedEvenWithCredentials() throws Exception {
        mvc.perform(operator(post("/api/server/up")).header("Origin", "https://elsewhere.example"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        verify(downtime, never()).comeUp();
    }

    @Test
    void goesDownForTheSecondsGiven() throws Exception {
        when(downtime.goDown(30)).thenReturn(ManualDowntime.Result.STARTED);

        mvc.perform(operator(post("/api/server/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 30}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("down"))
                .andExpect(jsonPath("$.seconds").value(30));
    }

    @Test
    void secondsOutOfRangeAreABadRequest() throws Exception {
        for (String body : new String[] {"{\"seconds\": 0}", "{\"seconds\": 3601}"}) {
            mvc.perform(operator(post("/api/server/down"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.startsWith(
                                    "'seconds' must be a whole number from 1 to 3600, got ")));
        }
        verify(downtime, never()).goDown(anyLong());
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsABadRequest() throws Exception {
        mvc.perform(operator(post("/api/server/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minutes\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown field 'minutes'; the fields are seconds"));
        mvc.perform(operator(post("/api/server/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{seconds"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("the request body is not valid JSON")));
        mvc.perform(operator(post("/api/server/down")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("give a JSON object, e.g. {\"seconds\": 30}"));
        mvc.perform(operator(post("/api/server/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("give {\"seconds\": N}, N from 1 to 3600"));
        verify(downtime, never()).goDown(anyLong());
    }

    @Test
    void goingDownWhileDownIsAConflict() throws Exception {
        when(downtime.goDown(30)).thenReturn(ManualDowntime.Result.REFUSED_ALREADY_DOWN);

        mvc.perform(operator(post("/api/server/down"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 30}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.result").value("refused_already_down"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("this server is already down")));
    }

    @Test
    void comingUpWhenNotDownIsAConflict() throws Exception {
        when(downtime.comeUp()).thenReturn(ManualDowntime.Result.REFUSED_NOT_DOWN);

        mvc.perform(operator(post("/api/server/up")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("this server is not down"));
    }

    @Test
    void aServerWithoutARingAnswersNotFound() throws Exception {
        when(ring.status()).thenReturn(Optional.empty());

        mvc.perform(get("/api/ring"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail")
                        .value("this server runs without a ring (ringlab.server.ring.peers is empty)"));
        mvc.perform(operator(post("/api/ring/elections"))).andExpect(status().isNotFound());
        verify(ring, never()).startRoundNow();
    }

    @Test
    void aRoundStartsOnRequestOrTheRefusalIsSaid() throws Exception {
        when(ring.enabled()).thenReturn(true);
        when(ring.startRoundNow()).thenReturn(StartResult.STARTED, StartResult.REFUSED_ROUND_IN_PROGRESS);

        mvc.perform(operator(post("/api/ring/elections")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.result").value("started"));
        mvc.perform(operator(post("/api/ring/elections")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.result").value("refused_round_in_progress"))
                .andExpect(jsonPath("$.detail").value("a round is in progress"));
    }

    @Test
    void pausingTheRingNeedsCredentials() throws Exception {
        mvc.perform(post("/api/ring/periodic/pause")).andExpect(status().isUnauthorized());
        verify(ring, never()).pausePeriodic();
    }

    static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", basic("admin", PASSWORD));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
