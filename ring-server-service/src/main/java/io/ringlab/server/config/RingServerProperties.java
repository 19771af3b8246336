package io.ringlab.server.config;

import io.ringlab.support.transport.RawAnswers;
import io.ringlab.support.transport.UdpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Configuration of a ring server ({@code ringlab.server.*}).
 *
 * @param name           instance name shown in status, logs and metrics
 * @param port           UDP port for requests (the seed's servers used 4242, 4243, 4244)
 * @param bindAddress    address to bind; empty for all interfaces, IPv4 and IPv6
 * @param maxAgents      agents remembered for announcements; the least recently heard are forgotten beyond it
 * @param reportInterval how often the results line is logged
 * @param udp            the UDP sockets' settings (datagram size, kernel buffers)
 * @param raw            answers to raw (seed-compatible, unframed) datagrams
 * @param ring           the ring this server belongs to, and its elections
 * @param faults         faults injected on purpose (none by default)
 */
@Validated
@ConfigurationProperties("ringlab.server")
public record RingServerProperties(
        @DefaultValue("ring-server") @NotBlank String name,
        @DefaultValue("4242") @Min(0) @Max(65535) int port,
        @DefaultValue("") String bindAddress,
        @DefaultValue("1024") @Min(1) int maxAgents,

        @DefaultValue("10s") @NotNull @DurationMin(millis = 1)
        Duration reportInterval,

        @DefaultValue @Valid @NestedConfigurationProperty UdpSettings udp,
        @DefaultValue @Valid @NestedConfigurationProperty RawAnswers raw,
        @DefaultValue @Valid @NestedConfigurationProperty RingProperties ring,
        @DefaultValue @Valid @NestedConfigurationProperty FaultProperties faults) {}
