package io.ringlab.agent.routing;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.net.InetSocketAddress;
import java.util.function.BiConsumer;

/**
 * Active health checks: every interval each server gets a ping and answers with its state. A server that
 * misses {@code missesToMarkDown} answers in a row is taken out of rotation; any answer puts it back, and
 * the state it carries corrects a lost {@code d} or {@code u} within one interval.
 */
public class HealthChecker {

    private static final Log log = LogFactory.getLog(HealthChecker.class);

    private final Backends backends;
    private final int missesToMarkDown;
    private final BiConsumer<InetSocketAddress, byte[]> sender;
    private final boolean[] awaiting;
    private final int[] misses;
    private long nonce;

    public HealthChecker(Backends backends, int missesToMarkDown, BiConsumer<InetSocketAddress, byte[]> sender) {
        this.backends = backends;
        this.missesToMarkDown = missesToMarkDown;
        this.sender = sender;
        this.awaiting = new boolean[backends.size()];
        this.misses = new int[backends.size()];
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
            sender.accept(backend.address(), FrameCodec.encode(new Ping(++nonce)));
        }
    }

    /** The server answered (a health answer, an announcement or a reply: it is alive). */
    public synchronized void answered(Backend backend) {
        awaiting[backend.index()] = false;
        misses[backend.index()] = 0;
        if (!backend.healthy()) {
            backend.setHealthy(true);
            log.info("server %s answers health checks again: back in rotation".formatted(backend.name()));
        }
    }
}
