package io.ringlab.dashboard.events;

import io.ringlab.dashboard.cluster.ClusterPoller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event log, fed by every poll of the cluster (and by the operators' actions, {@link OperatorActions}). */
@Configuration(proxyBeanMethods = false)
class EventRecorder {

    /** About a long run's worth: a round and its downtime every few seconds for hours. */
    static final int EVENTS_KEPT = 10_000;

    @Bean
    EventLog eventLog(ClusterPoller poller) {
        EventLog log = new EventLog(EVENTS_KEPT);
        EventDeriver deriver = new EventDeriver();
        poller.onPoll(view -> log.addAll(deriver.next(view)));
        return log;
    }
}
