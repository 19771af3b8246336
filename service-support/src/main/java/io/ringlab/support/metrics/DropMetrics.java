package io.ringlab.support.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.protocol.DropReason;
import io.ringlab.support.transport.DropCounter;

/** {@code ringlab.datagrams.dropped{reason}}: every datagram a service dropped, by reason. */
public class DropMetrics implements MeterBinder {

    private final DropCounter drops;

    public DropMetrics(DropCounter drops) {
        this.drops = drops;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("ringlab.datagrams.dropped", drops, d -> d.count(reason))
                    .tag("reason", reason.tag())
                    .description("Datagrams dropped, by reason")
                    .register(registry);
        }
    }
}
