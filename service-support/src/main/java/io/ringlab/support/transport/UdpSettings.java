package io.ringlab.support.transport;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every UDP socket of a service.
 *
 * @param maxDatagramSize    largest datagram accepted; longer ones are dropped as oversized. At least 512, so that
 *                           the members' sealed control frames fit (a ring message between Kubernetes DNS names
 *                           is about 300 bytes)
 * @param socketReceiveBuffer SO_RCVBUF asked of the kernel (capped by net.core.rmem_max)
 * @param socketSendBuffer   SO_SNDBUF asked of the kernel (capped by net.core.wmem_max)
 */
public record UdpSettings(
        @DefaultValue("1472") @Min(512) @Max(65_507) int maxDatagramSize,
        @DefaultValue("4194304") @Min(0) int socketReceiveBuffer,
        @DefaultValue("4194304") @Min(0) int socketSendBuffer) {}
