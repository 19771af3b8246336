package io.ringlab.system;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.election.message.RoundId;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster key rotated across a running cluster under load, one process at a time, in the three steps of
 * SECURITY.md (accept the new key, seal with it, retire the old one), each member reading its key file again:
 * no request fails, no sealed message is refused, elections go on completing at every step, and at the end a
 * message sealed under the old key is refused.
 */
class KeyRotationTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path keys;

    @Test
    void theKeyRotatesWithNoFailedRequestNoRefusedMessageAndNoElectionStall() {
        System.out.println("KeyRotationTest seed " + SEED + " (-Dringlab.test.seed to replay)");
        Random random = new Random(SEED);
        String oldKey = newKey();
        String newKey = newKey();
        while (keyId(newKey).equals(keyId(oldKey))) {
            newKey = newKey(); // the steps are told apart by key ids
        }
        try (Cluster cluster = new Cluster()) {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                files.add(write(keys.resolve("member-" + i), oldKey));
            }
            List<RunningService> members = new ArrayList<>(cluster.ring(
                    3,
                    random,
                    i -> new String[] {
                        "--ringlab.cluster.key-file=" + files.get(i), "--ringlab.cluster.key-file-check=100ms"
                    },
                    "--ringlab.server.ring.election-interval=2s",
                    "--ringlab.server.ring.downtime=1s",
                    "--ringlab.server.ring.guard=200ms"));
            RunningService agent = cluster.agent(
                    "agent-1",
                    members,
                    "--ringlab.cluster.key-file=" + files.get(3),
                    "--ringlab.cluster.key-file-check=100ms");
            members.add(agent);
            RunningService client = cluster.client("client-1", Cluster.address(agent), "--ringlab.client.threads=16");
            await().atMost(PATIENCE).until(() -> agent.agentStatus().forwarded() > 300);
            long rounds = roundsCompleted(members.subList(0, 3));
            await("a first election").atMost(PATIENCE).until(() -> roundsCompleted(members.subList(0, 3)) > rounds);

            String[][] steps = {{oldKey, newKey}, {newKey, oldKey}, {newKey}};
            for (String[] step : steps) {
                for (int i = 0; i < members.size(); i++) {
                    write(files.get(i), step);
                    RunningService member = members.get(i);
                    List<String> expected =
                            List.of(step).stream().map(KeyRotationTest::keyId).toList();
                    await("member " + member.name() + " reads its keys")
                            .atMost(PATIENCE)
                            .until(() -> acceptedKeyIds(member).equals(expected));
                }
                long before = roundsCompleted(members.subList(0, 3));
                await("an election after the step")
                        .atMost(PATIENCE)
                        .until(() -> roundsCompleted(members.subList(0, 3)) > before);
            }

            for (RunningService member : members) {
                assertThat(ControlClient.get(member, "/api/status")
                                .path("drops")
                                .path("auth-failed")
                                .asLong())
                        .as("sealed messages refused by %s during the rotation", member.name())
                        .isZero();
            }
            JsonNode load = ControlClient.get(client, "/api/status");
            assertThat(load.path("timeouts").asLong()).as("timed-out requests").isZero();
            assertThat(load.path("successRate").asDouble()).isEqualTo(1.0);

            RunningService server = members.get(0);
            String sender = "127.0.0.1:" + members.get(1).udpPort("requestSocket");
            String receiver = "127.0.0.1:" + server.udpPort("requestSocket");
            byte[] underOldKey = new FrameSealer(new ClusterKeyring(ClusterKeys.parse(oldKey, List.of())), 1)
                    .seal(
                            RingMessageCodec.encode(
                                    new Hello(sender, RoundId.NONE, 1), ConfigurationId.of(List.of(sender, receiver))),
                            sender,
                            receiver);
            try (TestSocket socket = new TestSocket()) {
                socket.send(server.udpAddress("requestSocket"), underOldKey);
            }
            await("the old key is refused")
                    .atMost(PATIENCE)
                    .until(() -> ControlClient.get(server, "/api/status")
                                    .path("drops")
                                    .path("auth-failed")
                                    .asLong()
                            == 1);
        }
    }

    private static long roundsCompleted(List<RunningService> servers) {
        return servers.stream()
                .mapToLong(s -> ControlClient.get(s, "/api/ring")
                        .path("roundsCompleted")
                        .asLong())
                .sum();
    }

    private static List<String> acceptedKeyIds(RunningService member) {
        JsonNode ids = ControlClient.get(member, "/api/cluster").path("acceptedKeyIds");
        return StreamSupport.stream(ids.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private static String keyId(String key) {
        return ClusterKeys.parse(key, List.of()).currentKeyId();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Path write(Path file, String... lines) {
        try {
            return Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
