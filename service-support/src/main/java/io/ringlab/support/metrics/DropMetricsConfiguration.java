package io.ringlab.support.metrics;

import io.ringlab.support.transport.DropCounter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.net.DatagramSocket;
import java.util.Map;

/** Binds the drop counter and the kernel's socket drops of any RingLab service to its meter registry. */
@AutoConfiguration
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class DropMetricsConfiguration {

    @Bean
    @ConditionalOnBean(DropCounter.class)
    DropMetrics dropMetrics(DropCounter drops) {
        return new DropMetrics(drops);
    }

    @Bean
    SocketDropMetrics socketDropMetrics(Map<String, DatagramSocket> sockets) {
        return new SocketDropMetrics(sockets);
    }
}
