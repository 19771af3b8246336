package io.ringlab.agent.routing;

import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.support.lifecycle.StopsFirst;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Graceful shutdown: on SIGTERM the agent stops taking new requests and waits, up to the request timeout,
 * for the replies to those in flight, before its sockets close. It stops before the UDP adapters do.
 */
@Component
class AgentDrain extends StopsFirst {

    private static final Log log = LogFactory.getLog(AgentDrain.class);

    private final RequestRouter router;
    private final PendingRequests pending;
    private final RequestSupervisor supervisor;
    private final long timeoutNanos;

    AgentDrain(
            RequestRouter router, PendingRequests pending, RequestSupervisor supervisor, LbAgentProperties properties) {
        this.router = router;
        this.pending = pending;
        this.supervisor = supervisor;
        this.timeoutNanos = properties.requestTimeout().toNanos();
    }

    @Override
    protected void onStop() {
        router.stopAccepting();
        long deadline = System.nanoTime() + timeoutNanos;
        while (pending.size() > 0 && System.nanoTime() < deadline) {
            // the scheduler has stopped by now: retry and expire here
            supervisor.sweep(System.nanoTime());
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.info("stopped taking requests; %d still pending at shutdown".formatted(pending.size()));
    }
}
