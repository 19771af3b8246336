package io.ringlab.server.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Faults to inject on purpose ({@code ringlab.server.faults.*}), to watch the agents cope.
 *
 * @param delay                    time added before every answer (a slow server); the answers wait on a
 *                                 timer, not in the socket's reader, so other datagrams are not held up
 * @param dropUpAnnouncements      never send the {@code u} announcement after planned downtime: only the
 *                                 agents' health checks can bring the server back
 */
public record FaultProperties(
        @DefaultValue("0ms") @NotNull Duration delay,
        @DefaultValue("false") boolean dropUpAnnouncements) {}
