package io.ringlab.agent.config;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.transport.UdpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Configuration of an agent ({@code ringlab.agent.*}).
 *
 * @param name            instance name shown in status, logs and metrics
 * @param clientPort      UDP port clients send requests to (the seed's 4245)
 * @param serverPort      UDP port of the socket that talks to servers; 0 picks a free one
 * @param bindAddress     address to bind both sockets; empty for all interfaces, IPv4 and IPv6
 * @param servers         the ring servers, {@code host:port} each, in ring order
 * @param requestTimeout  how long a forwarded request waits for its reply before it is forgotten
 * @param maxPending      requests waiting for a reply at once; beyond it new requests are dropped
 * @param acceptRaw       answer unframed (seed-style) datagrams on the client port
 * @param resolveInterval how often server names are resolved again (pods move)
 * @param reportInterval  how often the results line is logged
 * @param udp             socket and worker settings
 */
@Validated
@ConfigurationProperties("ringlab.agent")
public record LbAgentProperties(
        @DefaultValue("lb-agent") @NotBlank String name,
        @DefaultValue("4245") @Min(0) @Max(65535) int clientPort,
        @DefaultValue("0") @Min(0) @Max(65535) int serverPort,
        @DefaultValue("") String bindAddress,
        @NotEmpty(message = "must list at least one ring server (host:port)") List<@NotNull HostAndPort> servers,
        @DefaultValue("3s") @NotNull Duration requestTimeout,
        @DefaultValue("65536") @Min(1) int maxPending,
        @DefaultValue("true") boolean acceptRaw,
        @DefaultValue("10s") @NotNull Duration resolveInterval,
        @DefaultValue("10s") @NotNull Duration reportInterval,
        @DefaultValue @Valid UdpSettings udp) {
}
