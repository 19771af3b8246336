package io.ringlab.launcher.lab.fault;

import io.ringlab.launcher.lab.layout.LabLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NftRulesetTest {

    private final LabLayout layout = LabLayout.of("rl00aa", 3, 2, 2, 5, null);

    @Test
    void withNoFaultTheTableIsEmptyAndReplacesWhateverWasThere() {
        String script = NftRuleset.render(layout, layout.host("server-1"), List.of());
        assertThat(script)
                .startsWith("table inet ringlab_faults {}\ndelete table inet ringlab_faults\n")
                .contains("type filter hook input priority 0; policy accept;")
                .doesNotContain("drop");
    }

    @Test
    void lossOnAgentServerLinksDropsAtEveryReceiverByPorts() {
        FaultAction loss = new FaultAction.Loss(5, new Endpoint("agent", null), new Endpoint("server", null), true);
        assertThat(NftRuleset.render(layout, layout.host("server-2"), List.of(loss)))
                .contains("udp sport 4246 udp dport 4242 numgen random mod 10000 < 500 drop")
                .doesNotContain("udp sport 4242 udp dport 4246");
        assertThat(NftRuleset.render(layout, layout.host("client-1"), List.of(loss)))
                .contains("udp sport 4242 udp dport 4246 numgen random mod 10000 < 500 drop")
                .doesNotContain("udp dport 4242");
    }

    @Test
    void lossOnOneLinkOneWayMatchesTheSendersAddress() {
        FaultAction loss = new FaultAction.Loss(
                12.5, new Endpoint("server", "server-1"), new Endpoint("server", "server-3"), false);
        assertThat(NftRuleset.render(layout, layout.host("server-3"), List.of(loss)))
                .contains(
                        "udp sport 4242 udp dport 4242 ip saddr { 198.18.5.101 } numgen random mod 10000 < 1250 drop");
        assertThat(NftRuleset.render(layout, layout.host("server-1"), List.of(loss)))
                .doesNotContain("drop");
    }

    @Test
    void clientAgentLossAppliesWithinAHost() {
        FaultAction loss = new FaultAction.Loss(1, new Endpoint("client", null), new Endpoint("agent", null), false);
        assertThat(NftRuleset.render(layout, layout.host("client-2"), List.of(loss)))
                .contains("udp sport 4247 udp dport 4245 numgen random mod 10000 < 100 drop");
        assertThat(NftRuleset.render(layout, layout.host("server-2"), List.of(loss)))
                .doesNotContain("drop");
    }

    @Test
    void partitionCutsBothSidesAndOneWayOnlyTheReceiver() {
        FaultAction both = new FaultAction.Partition(List.of("server-1"), List.of("server-2", "server-3"), false);
        assertThat(NftRuleset.render(layout, layout.host("server-1"), List.of(both)))
                .contains("ip saddr { 198.18.5.102, 198.18.5.103 } drop");
        assertThat(NftRuleset.render(layout, layout.host("server-3"), List.of(both)))
                .contains("ip saddr { 198.18.5.101 } drop");
        assertThat(NftRuleset.render(layout, layout.host("client-1"), List.of(both)))
                .doesNotContain("drop");

        FaultAction oneWay = new FaultAction.Partition(List.of("agent-1"), List.of("server-2"), true);
        assertThat(NftRuleset.render(layout, layout.host("server-2"), List.of(oneWay)))
                .contains("ip saddr { 198.18.5.11 } drop");
        assertThat(NftRuleset.render(layout, layout.host("client-1"), List.of(oneWay)))
                .doesNotContain("drop");
    }

    @Test
    void partitionFromTheRestCutsAHostFromEveryOtherHostButNotTheMachine() {
        FaultAction alone = new FaultAction.Partition(List.of("server-2"), List.of(), false);
        assertThat(NftRuleset.render(layout, layout.host("server-2"), List.of(alone)))
                .contains("ip saddr { 198.18.5.11, 198.18.5.12, 198.18.5.101, 198.18.5.103 } drop")
                .doesNotContain("198.18.5.1 ")
                .doesNotContain("198.18.5.2 ");
    }

    @Test
    void ipv6AddressesAreCutToo() {
        LabLayout dual = LabLayout.of("rl00aa", 3, 2, 2, 5, "fd00:1:2:1::");
        FaultAction cut = new FaultAction.Partition(List.of("server-1"), List.of("server-2"), false);
        assertThat(NftRuleset.render(dual, dual.host("server-2"), List.of(cut)))
                .contains("ip saddr { 198.18.5.101 } drop")
                .contains("ip6 saddr { fd00:1:2:1::65 } drop");
    }
}
