package io.ringlab.support.config;

import io.ringlab.support.transport.UdpEventLoop;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Registers what every RingLab service needs from this module. */
@AutoConfiguration
@Import(HostAndPortConverter.class)
public class SupportConfiguration {

    /** The one thread that receives from every UDP socket of the service. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    UdpEventLoop udpEventLoop() {
        return new UdpEventLoop("udp-loop");
    }
}
