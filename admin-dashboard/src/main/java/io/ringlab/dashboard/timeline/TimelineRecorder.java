package io.ringlab.dashboard.timeline;

import io.ringlab.dashboard.cluster.ClusterPoller;
import io.ringlab.dashboard.config.DashboardProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The servers' state history, fed by every poll of the cluster over the dashboard's history window. */
@Configuration(proxyBeanMethods = false)
class TimelineRecorder {

    /** Changes kept per server: a change every poll for the longest window would need more; states change far less. */
    static final int CHANGES_KEPT = 2_000;

    @Bean
    StateHistory stateHistory(ClusterPoller poller, DashboardProperties properties) {
        StateHistory history = new StateHistory(properties.history().toMillis(), CHANGES_KEPT);
        poller.onPoll(view -> history.record(view.polledAt(), ServerStates.of(view)));
        return history;
    }
}
