package io.ringlab.agent.routing;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.auth.FrameSealer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.net.InetSocketAddress;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Active health checks: every interval each server gets a sealed ping with a fresh, unpredictable nonce, and answers
 * with its state, sealed and echoing the nonce. A server that misses {@code missesToMarkDown} answers in a row is
 * taken out of rotation; an answer to the latest ping puts it back, and the state it carries corrects a lost
 * {@code d} or {@code u} within one interval.
 */
public class HealthChecker {

    private static final Log log = LogFactory.getLog(HealthChecker.class);

    private final Backends backends;
    private final int missesToMarkDown;
    private final BiConsumer<InetSocketAddress, byte[]> sender;
    private final FrameSealer sealer;
    private final String agentName;
    private final LongSupplier nonces;
    private final boolean[] awaiting;
    private final int[] misses;
    private final long[] nonce;
    private final long[] previousNonce;

    /**
     * @param agentName this agent's member id: the sender of its pings, the receiver of the servers' answers
     * @param nonces    unpredictable nonces (never 0, which marks an announcement)
     */
    public HealthChecker(Backends backends, int missesToMarkDown, BiConsumer<InetSocketAddress, byte[]> sender,
                         FrameSealer sealer, String agentName, LongSupplier nonces) {
        this.backends = backends;
        this.missesToMarkDown = missesToMarkDown;
        this.sender = sender;
        this.sealer = sealer;
        this.agentName = agentName;
        this.nonces = nonces;
        this.awaiting = new boolean[backends.size()];
        this.misses = new int[backends.size()];
        this.nonce = new long[backends.size()];
        this.previousNonce = new long[backends.size()];
    }

    /** One health-check interval: counts the pings left unanswered, then pings every server again. */
    public synchronized void tick() {
        for (int i = 0; i < awaiting.length; i++) {
            Backend backend = backends.get(i);
            if (awaiting[i] && ++misses[i] >= missesToMarkDown && backend.healthy()) {
                backend.setHealthy(false);
                log.warn("server %s missed %d health checks: out of rotation".formatted(backend.name(), misses[i]));
            }
            awaiting[i] = true;
            long next;
            do {
                next = nonces.getAsLong();
            } while (next == 0);
            previousNonce[i] = nonce[i];
            nonce[i] = next;
            String target = backend.name().toString();
            sender.accept(backend.address(), sealer.seal(FrameCodec.encode(new Ping(next, target)), agentName, target));
        }
    }

    /**
     * The server sent an authenticated state: an announcement ({@code echo} 0) or the answer to a ping. It is alive,
     * unless it answers a ping older than the last two: an answer to the ping before the latest may arrive just after
     * the latest went out (a busy host), and still shows the server alive. Returns false for an older answer,
     * changing nothing.
     */
    public synchronized boolean answered(Backend backend, long echo) {
        int index = backend.index();
        if (echo != 0 && echo != nonce[index] && echo != previousNonce[index]) {
            return false;
        }
        awaiting[index] = false;
        misses[index] = 0;
        if (!backend.healthy()) {
            backend.setHealthy(true);
            log.info("server %s answers health checks again: back in rotation".formatted(backend.name()));
        }
        return true;
    }
}
