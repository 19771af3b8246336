package io.ringlab.launcher.lab.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultSpecParserTest {

    private final FaultSpecParser parser = new FaultSpecParser(
            Set.of("client-1", "client-2", "server-1", "server-2", "server-3"),
            Set.of("client-1", "client-2", "agent-1", "agent-2", "server-1", "server-2", "server-3"));

    @Test
    void readsLossOnALinkClassBothWays() {
        FaultSpec spec = parser.parse("at 30s for 20s loss 5% agent<->server");
        assertThat(spec.at()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(spec.action())
                .isEqualTo(new FaultAction.Loss(5, new Endpoint("agent", null), new Endpoint("server", null), true));
        assertThat(spec).hasToString("at 30s for 20s loss 5% agent<->server");
    }

    @Test
    void readsLossOnOneLinkOneWayWithOrWithoutSpaces() {
        assertThat(parser.parse("loss 12.5 % agent-1 -> server-2").action())
                .isEqualTo(new FaultAction.Loss(
                        12.5, new Endpoint("agent", "agent-1"), new Endpoint("server", "server-2"), false));
        assertThat(parser.parse("loss 10% servers<-server-1").action())
                .isEqualTo(new FaultAction.Loss(
                        10, new Endpoint("server", "server-1"), new Endpoint("server", null), false));
    }

    @Test
    void readsPartitionsOfHostSetsAndSingleLinks() {
        assertThat(parser.parse("at 60s for 30s partition server-1 | server-2,server-3")
                        .action())
                .isEqualTo(new FaultAction.Partition(List.of("server-1"), List.of("server-2", "server-3"), false));
        assertThat(parser.parse("partition agent-1->server-2").action())
                .isEqualTo(new FaultAction.Partition(List.of("agent-1"), List.of("server-2"), true));
        FaultSpec alone = parser.parse("partition server-2");
        assertThat(alone.action()).isEqualTo(new FaultAction.Partition(List.of("server-2"), List.of(), false));
        assertThat(alone.duration()).isNull();
        assertThat(alone.at()).isZero();
    }

    @Test
    void readsFreezeAndKill() {
        assertThat(parser.parse("for 10s freeze server-2").action()).isEqualTo(new FaultAction.Freeze("server-2"));
        assertThat(parser.parse("at 2m kill agent-1").action()).isEqualTo(new FaultAction.Kill("agent-1"));
        assertThat(parser.parse("at 2m kill agent-1").at()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void saysWhatIsWrongInOneLine() {
        assertThatThrownBy(() -> parser.parse("loss 5% client<->server"))
                .hasMessageContaining("no traffic flows between client and server");
        assertThatThrownBy(() -> parser.parse("loss 0% agent<->server")).hasMessageContaining("more than 0%");
        assertThatThrownBy(() -> parser.parse("loss 101% agent<->server")).hasMessageContaining("at most 100%");
        assertThatThrownBy(() -> parser.parse("freeze server-9")).hasMessageContaining("no process 'server-9'");
        assertThatThrownBy(() -> parser.parse("partition server-1 | server-1")).hasMessageContaining("both sides");
        assertThatThrownBy(() -> parser.parse("at soon freeze server-1")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> parser.parse("for 0s freeze server-1")).hasMessageContaining("longer than 0");
        assertThatThrownBy(() -> parser.parse("reboot server-1")).hasMessageContaining("unknown fault 'reboot'");
        assertThatThrownBy(() -> parser.parse("freeze server-1 now")).hasMessageContaining("unexpected 'now'");
        assertThatThrownBy(() -> parser.parse("loss 5%")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> parser.parse("  ")).isInstanceOf(FaultSpecException.class);
    }
}
