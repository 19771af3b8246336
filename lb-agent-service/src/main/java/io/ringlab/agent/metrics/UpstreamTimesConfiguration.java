package io.ringlab.agent.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.RequestRouter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UpstreamTimesConfiguration {

    @Bean
    UpstreamTimes upstreamTimes(MeterRegistry registry, Backends backends, RequestRouter router) {
        UpstreamTimes times = new UpstreamTimes(registry, backends.capacity());
        backends.addListener(times);
        for (Backend backend : backends.all()) {
            times.added(backend); // registering a server's timer twice gives the same timer
        }
        router.reportReplyTimesTo(times);
        return times;
    }
}
