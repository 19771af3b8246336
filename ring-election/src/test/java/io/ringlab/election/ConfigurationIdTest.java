package io.ringlab.election;

import io.ringlab.election.message.ConfigurationId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationIdTest {

    private static final List<String> THREE = List.of(
            "ring-server-0.ring-server:4242", "ring-server-1.ring-server:4242", "ring-server-2.ring-server:4242");

    @Test
    void theSameListGivesTheSameIdAndAnyChangeAnother() {
        ConfigurationId id = ConfigurationId.of(THREE);

        assertThat(ConfigurationId.of(List.copyOf(THREE))).isEqualTo(id);
        assertThat(ConfigurationId.of(List.of(THREE.get(1), THREE.get(0), THREE.get(2))))
                .as("order")
                .isNotEqualTo(id);
        assertThat(ConfigurationId.of(THREE.subList(0, 2))).isNotEqualTo(id);
        assertThat(ConfigurationId.of(List.of("ab", "c")))
                .as("members are length-prefixed")
                .isNotEqualTo(ConfigurationId.of(List.of("a", "bc")));
    }

    @Test
    void isTheFirst64BitsOfSha256OverLengthPrefixedMembers() {
        // SHA-256 of 01 61 01 62 01 63 ("a", "b", "c" each after its length byte), first eight bytes
        assertThat(ConfigurationId.of(List.of("a", "b", "c")).toString())
                .hasSize(16)
                .isEqualTo(HexSha256.firstEightBytes(new byte[] {1, 'a', 1, 'b', 1, 'c'}));
    }

    @Test
    void refusesAnIdLongerThan255Bytes() {
        assertThatThrownBy(() -> ConfigurationId.of(List.of("x".repeat(256)))).hasMessageContaining("255");
    }

    /** An independent computation of the expected digest. */
    private static final class HexSha256 {
        static String firstEightBytes(byte[] input) {
            try {
                byte[] digest =
                        java.security.MessageDigest.getInstance("SHA-256").digest(input);
                return java.util.HexFormat.of().formatHex(digest, 0, 8);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }
}
