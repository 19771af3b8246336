package io.ringlab.server.downtime;

import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.server.config.RingServerProperties;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.server.serving.PlannedDowntime;
import io.ringlab.support.transport.DatagramSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DowntimeConfiguration {

    @Bean
    ServerAvailability serverAvailability() {
        return new ServerAvailability();
    }

    @Bean
    StateAnnouncer stateAnnouncer(KnownAgents agents, DatagramSender serverSender, FrameSealer frameSealer) {
        return new StateAnnouncer(agents, serverSender, frameSealer);
    }

    @Bean
    AnnouncedAvailability announcedAvailability(
            ServerAvailability availability, StateAnnouncer announcer, RingServerProperties properties) {
        return new AnnouncedAvailability(
                availability,
                announcer,
                properties.ring().drain().toNanos(),
                properties.faults().dropUpAnnouncements());
    }

    @Bean
    DaemonScheduler manualDowntimeScheduler() {
        return new DaemonScheduler("manual-downtime");
    }

    @Bean
    ManualDowntime manualDowntime(AnnouncedAvailability changes, DaemonScheduler manualDowntimeScheduler) {
        return new ManualDowntime(changes, System::nanoTime, manualDowntimeScheduler);
    }

    @Bean
    PlannedDowntime plannedDowntime(ServerAvailability availability) {
        return new DowntimeGate(availability);
    }
}
