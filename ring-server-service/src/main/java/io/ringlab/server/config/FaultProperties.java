package io.ringlab.server.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Faults to inject on purpose ({@code ringlab.server.faults.*}), to watch the agents cope.
 *
 * @param delay                    processing time added to every request (a slow server); it holds a worker
 *                                 thread, so raise {@code udp.workers} with it
 * @param dropUpAnnouncements      never send the {@code u} announcement after planned downtime: only the
 *                                 agents' health checks can bring the server back
 */
public record FaultProperties(
        @DefaultValue("0ms") @NotNull Duration delay,
        @DefaultValue("false") boolean dropUpAnnouncements) {
}
