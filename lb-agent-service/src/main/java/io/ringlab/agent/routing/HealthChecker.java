package io.ringlab.agent.routing;

import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.support.transport.DatagramSender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Active health checks: every interval each server gets a sealed ping with a fresh, unpredictable nonce, and answers
 * with its state, sealed and echoing the nonce. A server that misses {@code missesToMarkDown} answers in a row, and
 * answered no request either while they went unanswered, is taken out of rotation; an answer to either of the last
 * two pings puts it back, and the state it carries corrects a lost {@code d} or {@code u} within one interval.
 * <p>
 * A server that still answers requests is alive and reachable: the pings it misses then are lost on the way (a lossy
 * link loses about one ping in ten at 5% each way, two in a row every few seconds), and it is taken out only after
 * {@code missesWhileServing} in a row (HAProxy's and Envoy's health checks also want several failures, 3 by
 * default in HAProxy). A crashed, frozen or cut-off server answers no request, so it is still out after
 * {@code missesToMarkDown}.
 */
public class HealthChecker {

    private static final Log log = LogFactory.getLog(HealthChecker.class);

    /** {@code misses-to-mark-down-while-serving} when not given. */
    public static final int DEFAULT_MISSES_WHILE_SERVING = 6;

    private final Backends backends;
    private final int missesToMarkDown;
    private final int missesWhileServing;
    private final DatagramSender sender;
    private final FrameSealer sealer;
    private final String agentName;
    private final LongSupplier nonces;
    private final boolean[] awaiting;
    private final int[] misses;
    /** Misses in a row during which the server answered no request either. */
    private final int[] quietMisses;

    private final long[] repliesAtLastTick;
    private final long[] nonce;
    private final long[] previousNonce;
    /** The server each slot's state is about: a slot taken by another server starts afresh. */
    private final Backend[] occupant;

    private final LongAdder markedDown = new LongAdder();

    /** The same, with {@link #DEFAULT_MISSES_WHILE_SERVING}. */
    public HealthChecker(
            Backends backends,
            int missesToMarkDown,
            DatagramSender sender,
            FrameSealer sealer,
            String agentName,
            LongSupplier nonces) {
        this(backends, missesToMarkDown, DEFAULT_MISSES_WHILE_SERVING, sender, sealer, agentName, nonces);
    }

    /**
     * @param missesToMarkDown   pings missed in a row, with no request answered meanwhile, that take a server out
     * @param missesWhileServing pings missed in a row that take out a server that still answers requests (never fewer
     *                           than {@code missesToMarkDown})
     * @param agentName          this agent's member id: the sender of its pings, the receiver of the servers' answers
     * @param nonces             unpredictable nonces (never 0, which marks an announcement)
     */
    public HealthChecker(
            Backends backends,
            int missesToMarkDown,
            int missesWhileServing,
            DatagramSender sender,
            FrameSealer sealer,
            String agentName,
            LongSupplier nonces) {
        this.backends = backends;
        this.missesToMarkDown = missesToMarkDown;
        this.missesWhileServing = Math.max(missesToMarkDown, missesWhileServing);
        this.sender = sender;
        this.sealer = sealer;
        this.agentName = agentName;
        this.nonces = nonces;
        int capacity = backends.capacity();
        this.awaiting = new boolean[capacity];
        this.misses = new int[capacity];
        this.quietMisses = new int[capacity];
        this.repliesAtLastTick = new long[capacity];
        this.nonce = new long[capacity];
        this.previousNonce = new long[capacity];
        this.occupant = new Backend[capacity];
        for (int i = 0; i < capacity; i++) {
            startAfresh(i, backends.get(i));
        }
    }

    /**
     * One health-check interval: counts the pings left unanswered, then pings every server again (not those leaving,
     * whose requests only drain).
     */
    public synchronized void tick() {
        for (int i = 0; i < awaiting.length; i++) {
            Backend backend = backends.get(i);
            if (backend != occupant[i]) {
                startAfresh(i, backend);
            }
            if (backend == null || backend.leaving()) {
                continue;
            }
            long replies = backend.replyCount();
            boolean served = replies != repliesAtLastTick[i];
            repliesAtLastTick[i] = replies;
            if (awaiting[i]) {
                misses[i]++;
                quietMisses[i] = served ? 0 : quietMisses[i] + 1;
                if ((quietMisses[i] >= missesToMarkDown || misses[i] >= missesWhileServing) && backend.healthy()) {
                    backend.setHealthy(false);
                    markedDown.increment();
                    log.warn("server %s missed %d health checks%s: out of rotation"
                            .formatted(
                                    backend.name(),
                                    misses[i],
                                    quietMisses[i] >= missesToMarkDown ? " and answered no request meanwhile" : ""));
                }
            }
            awaiting[i] = true;
            long next;
            do {
                next = nonces.getAsLong();
            } while (next == 0);
            previousNonce[i] = nonce[i];
            nonce[i] = next;
            String target = backend.memberId();
            sender.send(backend.address(), sealer.seal(FrameCodec.encode(new Ping(next, target)), agentName, target));
        }
    }

    private void startAfresh(int slot, Backend backend) {
        occupant[slot] = backend;
        awaiting[slot] = false;
        misses[slot] = 0;
        quietMisses[slot] = 0;
        repliesAtLastTick[slot] = backend == null ? 0 : backend.replyCount();
        nonce[slot] = 0;
        previousNonce[slot] = 0;
    }

    /**
     * The server sent an authenticated state: an announcement ({@code echo} 0) or the answer to a ping. It is alive,
     * unless it answers a ping older than the last two: an answer to the ping before the latest may arrive just after
     * the latest went out (a busy host), and still shows the server alive. Returns false for an older answer,
     * changing nothing. A discovered server is first put in rotation only by the answer to a ping: an announcement
     * from a server not yet pinged changes nothing.
     */
    public synchronized boolean answered(Backend backend, long echo) {
        int index = backend.index();
        if (occupant[index] != backend || (echo == 0 && !backend.checked())) {
            return false;
        }
        if (echo != 0 && echo != nonce[index] && echo != previousNonce[index]) {
            return false;
        }
        awaiting[index] = false;
        misses[index] = 0;
        quietMisses[index] = 0;
        if (!backend.healthy()) {
            backend.setHealthy(true);
            log.info("server %s answers health checks again: back in rotation".formatted(backend.name()));
        }
        return true;
    }

    /** Times a server was taken out of rotation for missed health checks. */
    public long markedDownCount() {
        return markedDown.sum();
    }
}
