package io.ringlab.model.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void aProcessThatDiesBeforeItIsReadyFailsWithTheEndOfItsLog() throws Exception {
        ManagedProcess process = ManagedProcess.start(
                "failing",
                List.of("sh", "-c", "echo \"no $PORT\"; exit 3"),
                Map.of("PORT", "port 7"),
                dir.resolve("logs/failing.log"),
                false);

        assertThatThrownBy(() -> process.awaitReady(() -> false, 60_000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("failing exited with 3")
                .hasMessageContaining("no port 7");
    }

    @Test
    void readyWhenTheConditionHoldsAndStoppedOnRequest() throws Exception {
        Path marker = dir.resolve("ready");
        ManagedProcess process = ManagedProcess.start(
                "sleeper",
                List.of("sh", "-c", "touch " + marker + "; exec sleep 60"),
                Map.of(),
                dir.resolve("sleeper.log"),
                false);
        try {
            process.awaitReady(() -> Files.exists(marker), 60_000);
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.stop(10_000);
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(process.killedOnPurpose()).isFalse();
    }

    @Test
    void aRestartRunsTheSameCommandAndKeepsTheEarlierLog() throws Exception {
        Path log = dir.resolve("twice.log");
        ManagedProcess first =
                ManagedProcess.start("twice", List.of("sh", "-c", "echo life; exec sleep 60"), Map.of(), log, false);
        first.awaitReady(() -> first.logTail(1).contains("life"), 60_000);
        first.kill();
        assertThat(first.killedOnPurpose()).isTrue();

        ManagedProcess second = first.restart();
        try {
            second.awaitReady(
                    () -> second.logTail(5).lines().filter("life"::equals).count() == 2, 60_000);
            assertThat(second.pid()).isNotEqualTo(first.pid());
        } finally {
            second.stop(10_000);
        }
    }

    @Test
    void aDaemonThatExitsAtOnceIsReported() throws Exception {
        ManagedProcess process = ManagedProcess.start(
                "quick", List.of("sh", "-c", "echo bad config; exit 1"), Map.of(), dir.resolve("quick.log"), false);

        assertThatThrownBy(() -> process.awaitStaysAlive(30_000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited at once with 1")
                .hasMessageContaining("bad config");
    }
}
