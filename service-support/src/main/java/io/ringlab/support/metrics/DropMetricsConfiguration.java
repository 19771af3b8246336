package io.ringlab.support.metrics;

import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.UdpEndpoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.net.DatagramSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

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
    SocketDropMetrics socketDropMetrics(ListableBeanFactory beans) {
        // the sockets of either kind: plain DatagramSocket beans (NIO) and a DatagramTransport's endpoints
        Map<String, Supplier<List<Integer>>> ports = new TreeMap<>();
        beans.getBeansOfType(DatagramSocket.class)
                .forEach((name, socket) -> ports.put(name, () -> List.of(socket.getLocalPort())));
        beans.getBeansOfType(UdpEndpoint.class).forEach((name, endpoint) -> ports.put(name, endpoint::localPorts));
        return new SocketDropMetrics(ports);
    }
}
