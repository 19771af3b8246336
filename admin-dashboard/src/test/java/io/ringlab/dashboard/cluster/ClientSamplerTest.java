package io.ringlab.dashboard.cluster;

import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.StatusJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClientSamplerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientSampler sampler = new ClientSampler();

    @Test
    void ratesSuccessAndAverageAreOverTheIntervalSinceTheLastSample() {
        sampler.next("c", 1_000, status(1_000, 990, 10, 0, 2.0));
        // 2,000 more sent in 2 s; 1,990 answered at 4 ms on average, 10 timed out
        ClientSample sample = sampler.next("c", 3_000, status(3_000, 2_980, 20, 0, (990 * 2.0 + 1_990 * 4.0) / 2_980));

        assertThat(sample.time()).isEqualTo(3_000);
        assertThat(sample.requestsPerSecond()).isCloseTo(1_000, within(1e-9));
        assertThat(sample.successRate()).isCloseTo(100.0 * 1_990 / 2_000, within(1e-9));
        assertThat(sample.averageMs()).isCloseTo(4.0, within(1e-9));
        assertThat(sample.p50Ms()).isEqualTo(1.5);
        assertThat(sample.p99Ms()).isEqualTo(9.0);
    }

    @Test
    void theFirstSampleHasNoIntervalFigures() {
        ClientSample sample = sampler.next("c", 1_000, status(100, 100, 0, 0, 1.0));

        assertThat(sample.requestsPerSecond()).isNull();
        assertThat(sample.successRate()).isNull();
        assertThat(sample.averageMs()).isNull();
        assertThat(sample.p50Ms()).isEqualTo(1.5);
    }

    @Test
    void anUnansweredPollIsAGapAndTheNextAnswerStartsAfresh() {
        sampler.next("c", 1_000, status(100, 100, 0, 0, 1.0));

        assertThat(sampler.next("c", 2_000, null)).isEqualTo(ClientSample.gap(2_000));
        assertThat(sampler.next("c", 3_000, status(300, 300, 0, 0, 1.0)).requestsPerSecond())
                .isNull();
    }

    @Test
    void countersThatWentBackAreReadAsAResetToZero() {
        sampler.next("c", 1_000, status(10_000, 10_000, 0, 0, 1.0));
        ClientSample afterReset = sampler.next("c", 2_000, status(500, 500, 0, 0, 3.0));

        assertThat(afterReset.requestsPerSecond()).isCloseTo(500, within(1e-9));
        assertThat(afterReset.averageMs()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void anIntervalWithNothingFinishedHasNoSuccessRateNorAverage() {
        sampler.next("c", 1_000, status(100, 100, 0, 0, 1.0));
        ClientSample idle = sampler.next("c", 2_000, status(100, 100, 0, 0, 1.0));

        assertThat(idle.requestsPerSecond()).isZero();
        assertThat(idle.successRate()).isNull();
        assertThat(idle.averageMs()).isNull();
    }

    private static ClientStatus status(long sent, long responses, long timeouts, long wrong, double averageMs) {
        return StatusJson.read(
                JSON.readTree("""
                {"sent": %d, "responses": %d, "timeouts": %d, "wrongReplies": %d, "averageMs": %s,
                 "p50Ms": 1.5, "p99Ms": 9.0}""".formatted(sent, responses, timeouts, wrong, averageMs)), ClientStatus.class);
    }
}
