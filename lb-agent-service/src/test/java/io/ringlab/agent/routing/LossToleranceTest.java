package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringlab.agent.routing.LossyNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's routing, retries, outlier detection and health checks together, on a virtual clock, over a network that
 * loses datagrams at random ({@link LossyNetwork}, seeded): random loss is retried away without taking healthy servers
 * out of rotation, while a server that dies, or answers only some requests, is still taken out.
 */
class LossToleranceTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", 20_261_128L);
    private static final LossyNetwork.Settings LAB =
            LossyNetwork.Settings.defaults().seed(SEED);

    @Test
    void fivePercentLossEachWayIsRetriedAwayWithNoServerTakenOut() {
        LossyNetwork.Result result = new LossyNetwork(LAB.loss(0.05, 0.05).duration(40_000)).run();

        assertThat(result.successPercent()).as("%s (seed %d)", result, SEED).isGreaterThanOrEqualTo(99.9);
        assertThat(result.answered()).as("requests answered (seed %d)", SEED).isGreaterThan(20_000);
        assertThat(result.retries()).as("retries").isGreaterThan(result.answered() / 20);
        assertThat(result.ejections())
                .as("healthy servers ejected (seed %d)", SEED)
                .isZero();
        assertThat(result.markedUnhealthy())
                .as("healthy servers marked unhealthy (seed %d)", SEED)
                .isZero();
        assertThat(result.retriesPutOff()).as("retries the budget put off").isZero();
    }

    @Test
    void fivePercentLossThroughPlannedDowntimesUnderTheSeedsLoad() {
        LossyNetwork.Result result = new LossyNetwork(LAB.loss(0.05, 0.05)
                        .threads(500)
                        .downtimes(6_000, 2_000)
                        .duration(30_000))
                .run();

        assertThat(result.successPercent()).as("%s (seed %d)", result, SEED).isGreaterThanOrEqualTo(99.9);
        assertThat(result.ejections()).as("servers ejected (seed %d)", SEED).isZero();
    }

    @Test
    void withTheFormerTwoTriesFivePercentLossEachWayLosesAboutOnePercent() {
        LossyNetwork.Result result = new LossyNetwork(LAB.loss(0.05, 0.05)
                        .duration(20_000)
                        .agent(LossyNetwork.AgentSettings.defaults().maxTries(2)))
                .run();

        // a try fails with 1 - 0.95^2 = 9.75%; both tries with 0.95%
        assertThat(result.successPercent()).as("%s (seed %d)", result, SEED).isBetween(98.5, 99.5);
    }

    @Test
    void aServerThatDiesUnderLossIsOutOfRotationWithinASecond() {
        LossyNetwork network = new LossyNetwork(LAB.loss(0.05, 0.05).duration(20_000)).dies(1, 10_000);
        LossyNetwork.Result result = network.run();

        assertThat(result.detectedAfterMs()).as("%s (seed %d)", result, SEED).isBetween(0L, 1000L);
        assertThat(network.backends().get(1).isUp()).as("still out at the end").isFalse();
        assertThat(result.successPercent()).as("%s (seed %d)", result, SEED).isGreaterThanOrEqualTo(99.9);
    }

    @Test
    void aServerThatDiesUnderALightLoadIsTakenOutByTheHealthChecksWithinASecond() {
        LossyNetwork.Result result = new LossyNetwork(LAB.threads(2).duration(20_000))
                .dies(1, 10_000)
                .run();

        assertThat(result.detectedAfterMs()).as("%s (seed %d)", result, SEED).isBetween(0L, 1000L);
        assertThat(result.markedUnhealthy())
                .as("taken out by the health checks")
                .isEqualTo(1);
        assertThat(result.timedOut()).isZero();
    }

    @Test
    void aServerThatAnswersOnlyOneRequestInTenIsEjected() {
        LossyNetwork.Result result = new LossyNetwork(LAB.duration(20_000))
                .dropsRequests(1, 0.9, 10_000)
                .run();

        assertThat(result.detectedAfterMs()).as("%s (seed %d)", result, SEED).isBetween(0L, 2_500L);
        assertThat(result.ejections())
                .as("ejected again each time it comes back failing")
                .isGreaterThan(1);
        assertThat(result.successPercent()).isGreaterThanOrEqualTo(99.9);
    }

    // ---- outlier detection, one rule at a time -------------------------------------------------------------------

    private final Backends backends = new Backends(List.of(
            new HostAndPort("127.0.0.1", 4242),
            new HostAndPort("127.0.0.1", 4243),
            new HostAndPort("127.0.0.1", 4244)));

    private OutlierDetector detector(int consecutive, int maxEjectionPercent, int failurePercentage) {
        return new OutlierDetector(
                backends,
                new OutlierDetector.Settings(
                        consecutive,
                        1000 * MS,
                        30_000 * MS,
                        maxEjectionPercent,
                        failurePercentage,
                        50,
                        1000 * MS,
                        600 * MS));
    }

    @Test
    void triesLostBeforeOneTheServerAnsweredAreNotInARowHoweverManyAreFoundAtOnce() {
        OutlierDetector outliers = detector(5, 100, 0);
        // a sweep finds the timeouts of twenty tries sent within 20 ms, half a second ago; tries sent since were
        // answered
        outliers.success(0, 505 * MS);
        for (int i = 0; i < 20; i++) {
            outliers.failure(0, i * MS, 520 * MS);
        }
        assertThat(backends.get(0).ejected()).isFalse();
    }

    @Test
    void triesLeftUnansweredAfterTheLastAnsweredOneAreInARowAndEjectTheServer() {
        OutlierDetector outliers = detector(5, 100, 0);
        outliers.success(0, 100 * MS);
        for (int i = 1; i <= 4; i++) {
            outliers.failure(0, (100 + i) * MS, 620 * MS);
        }
        assertThat(backends.get(0).ejected()).isFalse();
        outliers.failure(0, 99 * MS, 620 * MS);
        assertThat(backends.get(0).ejected())
                .as("sent before the answered one: not in the row")
                .isFalse();
        outliers.failure(0, 110 * MS, 620 * MS);
        assertThat(backends.get(0).ejected())
                .as("five sent after the last answered one")
                .isTrue();
    }

    @Test
    void aLateAnswerBreaksTheRowOfTheTriesSentBeforeItOnly() {
        OutlierDetector outliers = detector(5, 100, 0);
        for (int i = 0; i < 4; i++) {
            outliers.failure(0, i * 10 * MS, 600 * MS);
        }
        outliers.success(
                0, 15 * MS); // answers the try sent at 15 ms, late: those at 0 and 10 ms are no longer in a row
        outliers.failure(0, 40 * MS, 640 * MS);
        outliers.failure(0, 50 * MS, 650 * MS);
        assertThat(backends.get(0).ejected())
                .as("20, 30, 40, 50: four in a row")
                .isFalse();
        outliers.failure(0, 60 * MS, 660 * MS);
        assertThat(backends.get(0).ejected()).isTrue();
    }

    @Test
    void noMoreThanTheMaxEjectionPercentOfTheServersIsEjectedButOneAlwaysMayBe() {
        OutlierDetector outliers = detector(1, 10, 0);
        outliers.failure(0, 1 * MS, 600 * MS);
        outliers.failure(1, 1 * MS, 600 * MS);
        assertThat(backends.get(0).ejected()).as("the first one").isTrue();
        assertThat(backends.get(1).ejected()).as("10% of three servers").isFalse();
        assertThat(outliers.sparedCount()).isEqualTo(1);

        outliers.tick(1600 * MS);
        assertThat(backends.get(0).ejected()).as("its ejection is over").isFalse();
        outliers.failure(1, 2 * MS, 1601 * MS);
        assertThat(backends.get(1).ejected())
                .as("still failing, once there is room")
                .isTrue();

        OutlierDetector twoThirds = new OutlierDetector(
                backends, new OutlierDetector.Settings(1, 1000 * MS, 30_000 * MS, 67, 0, 50, 1000 * MS, 600 * MS));
        twoThirds.failure(2, 1 * MS, 1700 * MS);
        assertThat(backends.get(2).ejected()).as("two of three within 67%").isTrue();
    }

    @Test
    void aServerFailingHalfTheTriesSentInAnIntervalIsEjectedOnceTheyHaveAllHadTheirTime() {
        OutlierDetector outliers = detector(1000, 100, 50);
        outliers.tick(0);
        for (int i = 0; i < 100; i++) {
            long sent = 1000 * MS + i * 9 * MS; // in the interval [1 s, 2 s)
            if (i % 2 == 0) {
                outliers.failure(1, sent, sent + 500 * MS);
            } else {
                outliers.success(1, sent);
            }
            outliers.success(0, sent);
        }
        outliers.tick(2590 * MS);
        assertThat(backends.get(1).ejected())
                .as("not before every try of the interval had its time")
                .isFalse();
        outliers.tick(2600 * MS);
        assertThat(backends.get(1).ejected()).isTrue();
        assertThat(backends.get(0).ejected()).isFalse();
    }

    @Test
    void theFailuresOfTheLastTriesBeforeAServerLeavesRotationDoNotEjectIt() {
        OutlierDetector outliers = detector(1000, 100, 50);
        outliers.tick(0);
        // one try in ten lost; the server leaves rotation (planned downtime) at 2 s: nothing is sent to it after
        for (int i = 0; i < 200; i++) {
            long sent = 1000 * MS + i * 5 * MS;
            if (i % 10 == 0) {
                outliers.failure(0, sent, sent + 500 * MS);
            } else {
                outliers.success(0, sent);
            }
        }
        // counted as found, [2 s, 3 s) would hold the last 50 failures and no answer
        for (long now = 2000 * MS; now <= 5000 * MS; now += 20 * MS) {
            outliers.tick(now);
        }
        assertThat(backends.get(0).ejected()).isFalse();
    }

    @Test
    void theFailureShareNeedsAVolumeAndCanBeSwitchedOff() {
        OutlierDetector outliers = detector(1000, 100, 50);
        OutlierDetector off = new OutlierDetector(
                new Backends(List.of(new HostAndPort("127.0.0.1", 1), new HostAndPort("127.0.0.1", 2))),
                new OutlierDetector.Settings(1000, 1000 * MS, 30_000 * MS, 100, 0, 50, 1000 * MS, 600 * MS));
        outliers.tick(0);
        off.tick(0);
        for (int i = 0; i < 49; i++) {
            outliers.failure(0, 1000 * MS + i * MS, 1600 * MS);
            off.failure(0, 1000 * MS + i * MS, 1600 * MS);
        }
        outliers.tick(3000 * MS);
        assertThat(backends.get(0).ejected()).as("49 tries: below the volume").isFalse();
        for (int i = 0; i < 60; i++) {
            off.failure(0, 4000 * MS + i * MS, 4600 * MS);
        }
        off.tick(6000 * MS);
        assertThat(off.ejectionCount()).as("failure percentage 0: off").isZero();
    }
}
