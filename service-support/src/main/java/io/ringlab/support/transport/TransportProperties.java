package io.ringlab.support.transport;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ringlab.transport.*}: how the service's UDP sockets are served. For now only the agent reads it; the ring
 * servers and the load client stay on NIO.
 *
 * @param kind  {@code netty}, {@code io-uring} or {@code nio}
 * @param loops event loop threads, each with its own client-facing socket (all on the client port, with
 *              {@code SO_REUSEPORT}) and its own server-facing socket; 0 (the default) for one per available
 *              processor. Netty on epoll only: elsewhere there is one loop
 * @param batching Netty on epoll: read up to 16 datagrams with one {@code recvmmsg} and flush what a read batch
 *                 wrote with one {@code sendmmsg} (the default); {@code false} reads and sends one datagram per
 *                 system call, as a reference for what batching buys ({@code bench/run}'s path agent-unbatched)
 */
@Validated
@ConfigurationProperties("ringlab.transport")
public record TransportProperties(
        @DefaultValue("netty") @NotNull TransportKind kind,
        @DefaultValue("0") @Min(0) @Max(256) int loops,
        @DefaultValue("true") boolean batching) {

    /** The loops asked for: {@link #loops}, or the available processors when it is 0. */
    public int loopsWanted() {
        return loops > 0 ? loops : Runtime.getRuntime().availableProcessors();
    }
}
