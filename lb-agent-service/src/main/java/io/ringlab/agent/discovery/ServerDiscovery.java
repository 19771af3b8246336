package io.ringlab.agent.discovery;

import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.DiscoveryStatusSource;
import io.ringlab.model.status.DiscoveryStatus;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.discovery.DiscoveryException;
import io.ringlab.support.discovery.SrvName;
import io.ringlab.support.discovery.SrvResolver;
import io.ringlab.support.discovery.SrvTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Follows the ring servers in DNS: asks for the SRV records of a headless Service every {@code refresh}, and sooner on
 * a failure (a server missing health checks, none in rotation, a failed query), at most once every
 * {@code failureGap}. A server that appears takes a free slot, out of rotation until it answers a sealed health ping;
 * one that disappears leaves rotation and its slot is freed once drained ({@link Backends#freeDrained}); one at a new
 * address is sent to there. A failed query, or an answer with no usable server, keeps the servers known.
 * <p>
 * What DNS can make the agent do is bounded: targets must be host names one label under the Service's domain (its
 * pods), have a port and an address, and make a member id a ping can name (255 bytes); at most the table's capacity of servers is taken, the first by name; and DNS is
 * asked at most once every {@code failureGap}. A target is a member id, not a member: only the health checks' sealed
 * answers put it in rotation.
 */
public class ServerDiscovery implements DiscoveryStatusSource {

    /**
     * @param refreshNanos    how often DNS is asked when all is well
     * @param failureGapNanos the least time between two queries
     * @param drainNanos      how long a server that left keeps its slot at least (beyond the request timeout, so that
     *                        no pending request can still name it)
     */
    public record Settings(SrvName srv, long refreshNanos, long failureGapNanos, long drainNanos) {}

    private record Resolution(long atMillis, boolean ok, String outcome) {}

    private static final Log log = LogFactory.getLog(ServerDiscovery.class);
    /** A ping names its target in at most 255 bytes (PROTOCOL.md); a host name is ASCII. */
    private static final int MAX_MEMBER_ID = 255;

    private final SrvResolver resolver;
    private final Backends backends;
    private final Settings settings;
    private final LongSupplier wallMillis;
    private boolean asked;
    private long lastAskedNanos;
    private volatile Resolution last = new Resolution(0, false, "not asked yet");
    private final LongAdder resolutions = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder ignored = new LongAdder();

    public ServerDiscovery(SrvResolver resolver, Backends backends, Settings settings, LongSupplier wallMillis) {
        this.resolver = resolver;
        this.backends = backends;
        this.settings = settings;
        this.wallMillis = wallMillis;
    }

    /**
     * One step, off the data path: frees the slots of servers that left and drained, then asks DNS if it is due.
     *
     * @param failing something went wrong since the last step (a server missed its health checks, none is in rotation)
     * @return true if DNS was asked
     */
    public synchronized boolean tick(long nowNanos, boolean failing) {
        backends.freeDrained(nowNanos, settings.drainNanos());
        if (!due(nowNanos, failing || !last.ok())) {
            return false;
        }
        resolve(nowNanos);
        return true;
    }

    private boolean due(long nowNanos, boolean failing) {
        if (!asked) {
            return true;
        }
        long since = nowNanos - lastAskedNanos;
        return since >= settings.refreshNanos() || (failing && since >= settings.failureGapNanos());
    }

    private void resolve(long nowNanos) {
        asked = true;
        lastAskedNanos = nowNanos;
        List<SrvTarget> targets;
        try {
            targets = resolver.resolve(settings.srv().name());
        } catch (DiscoveryException e) {
            failed("DNS failed: " + e.getMessage());
            return;
        }
        Map<String, SrvTarget> usable = new TreeMap<>();
        int refused = 0;
        for (SrvTarget target : targets) {
            if (settings.srv().accepts(target.host())
                    && target.port() >= 1
                    && target.port() <= 65535
                    && target.hostAndPort().length() <= MAX_MEMBER_ID
                    && usable(target.address())) {
                usable.putIfAbsent(target.hostAndPort(), target);
            } else {
                refused++;
            }
        }
        ignored.add(refused);
        if (usable.isEmpty()) {
            failed("no usable server among %d records (%d refused); keeping the %d known"
                    .formatted(targets.size(), refused, backends.count()));
            return;
        }
        apply(usable, nowNanos, refused);
    }

    private void apply(Map<String, SrvTarget> usable, long nowNanos, int refused) {
        for (Backend backend : backends.all()) {
            if (!backend.leaving() && !usable.containsKey(backend.memberId())) {
                backends.leave(backend, nowNanos);
                log.info("server %s is gone from %s: out of rotation, its requests drain"
                        .formatted(backend.memberId(), settings.srv()));
            }
        }
        int noSlot = 0;
        for (SrvTarget target : usable.values()) {
            InetSocketAddress address = new InetSocketAddress(target.address(), target.port());
            Backend known = backends.byName(target.hostAndPort());
            if (known == null) {
                Backend added = backends.add(new HostAndPort(target.host(), target.port()), address);
                if (added == null) {
                    noSlot++;
                } else {
                    log.info("server %s found at %s: health-checked before it gets requests"
                            .formatted(added.memberId(), address));
                }
                continue;
            }
            if (known.leaving()) {
                backends.rejoin(known);
                log.info("server %s is back in %s".formatted(known.memberId(), settings.srv()));
            }
            if (!address.equals(known.address())) {
                known.moveTo(address);
                log.info("server %s moved to %s".formatted(known.memberId(), address));
            }
        }
        ignored.add(noSlot);
        resolutions.increment();
        last = new Resolution(
                wallMillis.getAsLong(),
                true,
                "%d servers%s%s"
                        .formatted(
                                usable.size() - noSlot,
                                refused > 0 ? ", %d records refused".formatted(refused) : "",
                                noSlot > 0
                                        ? ", %d left out: no free slot of %d".formatted(noSlot, backends.capacity())
                                        : ""));
    }

    private void failed(String outcome) {
        failures.increment();
        if (last.ok() || !last.outcome().equals(outcome)) {
            log.warn("server discovery (%s): %s".formatted(settings.srv(), outcome));
        }
        last = new Resolution(wallMillis.getAsLong(), false, outcome);
    }

    private static boolean usable(InetAddress address) {
        return address != null && !address.isAnyLocalAddress() && !address.isMulticastAddress();
    }

    @Override
    public DiscoveryStatus discoveryStatus() {
        Resolution resolution = last;
        return new DiscoveryStatus(
                settings.srv().name(),
                settings.refreshNanos() / 1_000_000,
                backends.capacity(),
                resolution.atMillis(),
                resolution.ok(),
                resolution.outcome(),
                resolutions.sum(),
                failures.sum(),
                ignored.sum());
    }

    public long resolutionCount() {
        return resolutions.sum();
    }

    public long failureCount() {
        return failures.sum();
    }

    public long ignoredCount() {
        return ignored.sum();
    }

    /** When DNS was last asked, in epoch seconds; 0 before the first time. */
    public double lastResolutionEpochSeconds() {
        return last.atMillis() / 1000.0;
    }

    public boolean lastResolutionOk() {
        return last.ok();
    }
}
