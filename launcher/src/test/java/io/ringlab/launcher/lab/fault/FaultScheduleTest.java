package io.ringlab.launcher.lab.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FaultScheduleTest {

    private static final long S = 1_000_000_000L;

    private static FaultSpec spec(long atSeconds, Long forSeconds, String process) {
        return new FaultSpec(
                Duration.ofSeconds(atSeconds),
                forSeconds == null ? null : Duration.ofSeconds(forSeconds),
                new FaultAction.Freeze(process));
    }

    @Test
    void startsAndEndsEachFaultOnceInTimeOrder() {
        FaultSchedule schedule = new FaultSchedule();
        schedule.add(spec(30, 20L, "server-1"), 100 * S);
        schedule.add(spec(10, 5L, "server-2"), 100 * S);
        assertThat(schedule.nextEventNanos()).isEqualTo(110 * S);
        assertThat(schedule.due(109 * S)).isEmpty();
        assertThat(schedule.due(200 * S))
                .extracting(t -> t.fault().id() + (t.starts() ? " starts" : " ends"))
                .containsExactly("2 starts", "2 ends", "1 starts", "1 ends");
        assertThat(schedule.due(300 * S)).isEmpty();
        assertThat(schedule.nextEventNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFaultWithoutDurationLastsUntilHealed() {
        FaultSchedule schedule = new FaultSchedule();
        FaultSchedule.Fault fault = schedule.add(spec(0, null, "server-1"), 0);
        assertThat(schedule.due(0)).hasSize(1);
        assertThat(schedule.active()).containsExactly(fault);
        assertThat(schedule.due(1000 * S)).isEmpty();
        assertThat(schedule.heal(fault.id(), 1000 * S)).isTrue();
        assertThat(schedule.due(1000 * S))
                .singleElement()
                .satisfies(t -> assertThat(t.starts()).isFalse());
        assertThat(schedule.heal(fault.id(), 1001 * S)).isFalse();
        assertThat(fault.state()).isEqualTo(FaultSchedule.Fault.State.ENDED);
    }

    @Test
    void healingAllEndsActiveFaultsAndCancelsScheduledOnes() {
        FaultSchedule schedule = new FaultSchedule();
        schedule.add(spec(0, 60L, "server-1"), 0);
        FaultSchedule.Fault later = schedule.add(spec(50, 10L, "server-2"), 0);
        schedule.due(S);
        schedule.healAll(2 * S);
        assertThat(schedule.due(100 * S))
                .singleElement()
                .satisfies(t -> assertThat(t.fault().id()).isEqualTo(1));
        assertThat(later.state()).isEqualTo(FaultSchedule.Fault.State.ENDED);
        assertThat(schedule.active()).isEmpty();
    }
}
