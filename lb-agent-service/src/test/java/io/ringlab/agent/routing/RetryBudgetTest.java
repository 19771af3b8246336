package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTest {

    private static final long MS = 1_000_000;
    private static final long SECOND = 1000 * MS;

    @Test
    void retriesFitAShareOfTheRequestsPlusAFewASecond() {
        RetryBudget budget = new RetryBudget(25, 1, 10 * SECOND);
        int allowed = 0;
        while (budget.tryRetry(0)) {
            allowed++;
        }
        assertThat(allowed).as("no request yet: 1 a second over 10 s").isEqualTo(10);

        for (int i = 0; i < 100; i++) {
            budget.request(SECOND);
        }
        int more = 0;
        while (budget.tryRetry(SECOND)) {
            more++;
        }
        assertThat(more).as("a quarter of 100 requests").isEqualTo(25);
    }

    @Test
    void requestsAndRetriesOlderThanTheWindowAreForgotten() {
        RetryBudget budget = new RetryBudget(25, 0, 10 * SECOND);
        for (int i = 0; i < 100; i++) {
            budget.request(0);
        }
        for (int i = 0; i < 25; i++) {
            assertThat(budget.tryRetry(SECOND)).isTrue();
        }
        assertThat(budget.tryRetry(2 * SECOND)).isFalse();
        assertThat(budget.tryRetry(10 * SECOND))
                .as("the requests of the first second are gone")
                .isFalse();
        for (int i = 0; i < 4; i++) {
            budget.request(10 * SECOND);
        }
        assertThat(budget.tryRetry(10 * SECOND))
                .as("retries of second 1 still count against 4 requests")
                .isFalse();
        assertThat(budget.tryRetry(11 * SECOND + 1))
                .as("and are gone a window later")
                .isTrue();
    }

    @Test
    void aRetryWithNoRoomInTheBudgetIsPutOffThenSentWhileTheRequestStillHasTime() {
        Backends backends =
                new Backends(List.of(new HostAndPort("127.0.0.1", 4242), new HostAndPort("127.0.0.1", 4243)));
        long[] ids = {1};
        PendingRequests pending = new PendingRequests(100, () -> ids[0]++);
        OutlierDetector outliers = new OutlierDetector(backends, 100, SECOND, 30 * SECOND); // no ejection here
        RetryBudget budget = new RetryBudget(0, 1, 10 * SECOND);
        List<InetSocketAddress> sent = new ArrayList<>();
        SealedStates sealed = new SealedStates();
        DropCounter drops = new DropCounter();
        HealthChecker health =
                new HealthChecker(backends, 2, (to, datagram) -> {}, sealed.agentSealer, SealedStates.AGENT, () -> 5);
        RequestRouter router = new RequestRouter(
                backends,
                new RoundRobin(),
                pending,
                new AgentStatistics(),
                drops,
                true,
                new SourceRateLimiter(0, 1),
                outliers,
                new ServerStateReceiver(sealed.authenticator, SealedStates.AGENT, backends, health, drops),
                1472,
                budget);
        RequestSupervisor supervisor = new RequestSupervisor(
                pending,
                backends,
                new RoundRobin(),
                outliers,
                (to, datagram) -> sent.add(to),
                500 * MS,
                3 * SECOND,
                4,
                budget);

        for (int i = 0; i < 11; i++) {
            router.fromClient(
                    FrameCodec.encodeRequest(i, new byte[] {1}), new InetSocketAddress("127.0.0.1", 40_000), 0);
        }
        supervisor.sweep(600 * MS);
        assertThat(supervisor.retryCount()).as("1 a second over 10 s").isEqualTo(10);
        assertThat(supervisor.putOffCount()).isEqualTo(1);
        supervisor.sweep(620 * MS);
        assertThat(supervisor.putOffCount())
                .as("a request put off is counted once")
                .isEqualTo(1);
        supervisor.sweep(10 * SECOND + 600 * MS);
        assertThat(pending.size()).as("given up at the request timeout").isZero();
        assertThat(sent).hasSize(10);
    }
}
