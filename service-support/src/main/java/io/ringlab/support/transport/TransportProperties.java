package io.ringlab.support.transport;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ringlab.transport.*}: how the service's UDP sockets are served. For now only the agent reads it; the ring
 * servers and the load client stay on NIO.
 *
 * @param kind {@code netty} or {@code nio}
 */
@Validated
@ConfigurationProperties("ringlab.transport")
public record TransportProperties(@DefaultValue("netty") @NotNull TransportKind kind) {
}
