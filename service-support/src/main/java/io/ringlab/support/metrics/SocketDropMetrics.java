package io.ringlab.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.support.transport.SocketDrops;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ringlab.udp.kernel.drops{socket}}: datagrams the kernel dropped because a socket's receive buffer
 * was full, for every UDP socket of the service (tag: the socket's bean name). These never reached the
 * service, so they are not among {@code ringlab.datagrams.dropped}.
 */
public class SocketDropMetrics implements MeterBinder {

    private final Map<String, Supplier<List<Integer>>> sockets;

    /** @param sockets each socket's local ports (several for one socket per event loop), by the socket's bean name */
    public SocketDropMetrics(Map<String, Supplier<List<Integer>>> sockets) {
        this.sockets = Map.copyOf(sockets);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        sockets.forEach(
                (name, socket) -> Gauge.builder("ringlab.udp.kernel.drops", socket, s -> SocketDrops.of(s.get()))
                        .tag("socket", name)
                        .description("Datagrams the kernel dropped for a full socket receive buffer (-1: unknown)")
                        .register(registry));
    }
}
