package io.ringlab.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

    private static final Path HOME = Path.of("/ringlab");

    @Test
    void defaultsFollowTheSeed() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of(), HOME);
        assertThat(options.servers()).isEqualTo(3);
        assertThat(options.agents()).isEqualTo(2);
        assertThat(options.clients()).isEqualTo(2);
        assertThat(options.threads()).isEqualTo(500);
        assertThat(options.serverUdpPort(1)).isEqualTo(4242);
        assertThat(options.serverUdpPort(3)).isEqualTo(4244);
        assertThat(options.agentUdpPort(2)).isEqualTo(4246);
        assertThat(options.dashboardHttpPort()).isEqualTo(8000);
        assertThat(options.serverHttpPort(1)).isEqualTo(8001);
        assertThat(options.duration()).isEqualTo(Duration.ZERO);
        assertThat(options.reportInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void commandLineWinsOverEnvironment() {
        LaunchOptions options = LaunchOptions.parse(
                new String[] {"--threads", "20", "--duration=2m"},
                Map.of("RINGLAB_THREADS", "30", "RINGLAB_CLIENTS", "0", "RINGLAB_REPORT_INTERVAL", "500ms"),
                HOME);
        assertThat(options.threads()).isEqualTo(20);
        assertThat(options.clients()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.reportInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesOverlappingPortRanges() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--servers", "5"}, Map.of(), HOME))
                .hasMessageContaining("overlap")
                .hasMessageContaining("--agent-port");
        assertThat(LaunchOptions.parse(new String[] {"--servers", "5", "--agent-port", "4250"}, Map.of(), HOME)
                        .agentUdpPort(1))
                .isEqualTo(4250);
    }

    @Test
    void refusesUnknownOptionsAndBadValuesNamingThem() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--thread", "5"}, Map.of(), HOME))
                .hasMessageContaining("--thread");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--duration", "soon"}, Map.of(), HOME))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--servers"}, Map.of(), HOME))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[0], Map.of("RINGLAB_THREADS", "lots"), HOME))
                .hasMessageContaining("--threads");
    }
}
