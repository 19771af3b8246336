package io.ringlab.client.config;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.control.ControlLimits;
import io.ringlab.support.transport.UdpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Configuration of a load client ({@code ringlab.client.*}).
 *
 * @param name            instance name shown in status, logs and metrics
 * @param agent           the agent to send requests to
 * @param threads         closed loop: worker threads, each with one request in flight (the seed's 500)
 * @param rate            open loop: requests per second, sent at a constant pace whatever the replies do, each
 *                        response time measured from when it was due; 0 for the closed loop
 * @param maxInFlight     open loop: requests awaiting a reply at most; a request due beyond it is counted and
 *                        not sent
 * @param closedLoop      closed loop: {@code threads}, a worker thread per request in flight (the seed), or
 *                        {@code events}, the same load driven by replies and timeouts, without a thread each
 * @param timeout         how long a worker waits for a reply before it counts a timeout (the seed's 3 s)
 * @param payload         the request's bytes (the seed's 1,2,3); each 0-255
 * @param maxRequests     requests to send in all, then stop; 0 for no limit
 * @param autostart       start the workers when the service is ready
 * @param replyPort       UDP port replies come back to; 0 picks a free one
 * @param bindAddress     address to bind; empty for all interfaces, IPv4 and IPv6
 * @param resolveInterval how often the agent's name is resolved again
 * @param reportInterval  how often the results line is logged
 * @param udp             the UDP sockets' settings (datagram size, kernel buffers)
 */
@Validated
@ConfigurationProperties("ringlab.client")
public record LoadClientProperties(
        @DefaultValue("load-client") @NotBlank String name,
        @DefaultValue("localhost:4245") @NotNull HostAndPort agent,

        @DefaultValue("500") @Min(1) @Max(ControlLimits.MAX_THREADS)
        int threads,

        @DefaultValue("0") @DecimalMin("0") @DecimalMax(ControlLimits.MAX_RATE_TEXT)
        double rate,

        @DefaultValue("100000") @Min(1) @Max(1_000_000) int maxInFlight,
        @DefaultValue("threads") @NotNull ClosedLoopEngine closedLoop,

        @DefaultValue("3s") @NotNull @DurationMin(millis = 1)
        Duration timeout,

        @DefaultValue({"1", "2", "3"}) @NotEmpty List<@NotNull @Min(0) @Max(255) Integer> payload,
        @DefaultValue("0") @Min(0) long maxRequests,
        @DefaultValue("true") boolean autostart,
        @DefaultValue("0") @Min(0) @Max(65535) int replyPort,
        @DefaultValue("") String bindAddress,

        @DefaultValue("10s") @NotNull @DurationMin(millis = 1)
        Duration resolveInterval,

        @DefaultValue("10s") @NotNull @DurationMin(millis = 1)
        Duration reportInterval,

        @DefaultValue @Valid @NestedConfigurationProperty UdpSettings udp) {

    /** The load to run when started, until changed through REST. */
    public LoadSettings loadSettings() {
        return new LoadSettings(threads, rate);
    }

    public byte[] payloadBytes() {
        byte[] bytes = new byte[payload.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) payload.get(i);
        }
        return bytes;
    }
}
