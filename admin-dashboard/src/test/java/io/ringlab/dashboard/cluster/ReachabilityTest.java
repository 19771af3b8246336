package io.ringlab.dashboard.cluster;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reachability reachability = new Reachability(2);

    @Test
    void aServiceThatMissesOnePollKeepsItsLastStatusAndIsUnreachableAfterTwo() {
        ServiceView answered = answered(10);
        reachability.judge(answered);

        ServiceView once = reachability.judge(miss());
        assertThat(once.reachable()).isTrue();
        assertThat(once.fresh()).isFalse();
        assertThat(once.missedPolls()).isEqualTo(1);
        assertThat(once.error()).isEqualTo("no answer within 800 ms");
        assertThat(once.status()).isEqualTo(answered.status());

        ServiceView twice = reachability.judge(miss());
        assertThat(twice.reachable()).isFalse();
        assertThat(twice.status()).isNull();
        assertThat(twice.missedPolls()).isEqualTo(2);
    }

    @Test
    void anAnswerStartsTheCountAgain() {
        reachability.judge(answered(1));
        reachability.judge(miss());
        ServiceView back = reachability.judge(answered(2));
        ServiceView missedAgain = reachability.judge(miss());

        assertThat(back.fresh()).isTrue();
        assertThat(missedAgain.reachable()).isTrue();
        assertThat(missedAgain.status().path("requestsReceived").asLong()).isEqualTo(2);
    }

    @Test
    void aServiceNeverHeardFromIsUnreachableAtOnce() {
        assertThat(reachability.judge(miss()).reachable()).isFalse();
    }

    private static ServiceView answered(long requests) {
        return ServiceView.of(
                "server-1",
                "http://127.0.0.1:8001",
                Fetched.ok(JSON.readTree("{\"requestsReceived\": " + requests + "}")),
                null);
    }

    private static ServiceView miss() {
        return ServiceView.of("server-1", "http://127.0.0.1:8001", Fetched.failed(0, "no answer within 800 ms"), null);
    }
}
