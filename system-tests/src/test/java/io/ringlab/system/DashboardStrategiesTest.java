package io.ringlab.system;

import io.ringlab.agent.balancing.Strategies;
import io.ringlab.dashboard.config.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard offers, and lets through, exactly the balancing strategies the agents know. */
class DashboardStrategiesTest {

    @Test
    void theDashboardsStrategiesAreTheAgentsStrategies() {
        DashboardProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("ringlab.dashboard", DashboardProperties.class);

        assertThat(defaults.strategies()).containsExactlyElementsOf(Strategies.NAMES);
    }
}
