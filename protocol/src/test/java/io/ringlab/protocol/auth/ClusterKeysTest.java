package io.ringlab.protocol.auth;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterKeysTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void parsesStandardAndUrlSafeBase64() {
        assertThat(ClusterKeys.parse(KEY, List.of()).isInsecure()).isFalse();
        byte[] bytes = new byte[40];
        bytes[0] = (byte) 0xfb;
        bytes[1] = (byte) 0xff;
        assertThat(ClusterKeys.parse(Base64.getUrlEncoder().encodeToString(bytes), List.of(KEY)))
                .isNotNull();
    }

    @Test
    void refusesShortEmptyOrNonBase64KeysSayingWhichAndWhyButNotTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ClusterKeys.parse(shortKey, List.of()))
                .hasMessage("the key has 16 bytes; at least 32 are needed (e.g. `openssl rand -base64 32`)");
        assertThatThrownBy(() -> ClusterKeys.parse("", List.of())).hasMessage("the key is empty");
        assertThatThrownBy(() -> ClusterKeys.parse(KEY, List.of(KEY, "not base64!")))
                .hasMessageStartingWith("key [1] is not base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void readsAKeyFileCurrentKeyFirstSkippingBlankLinesAndComments() {
        String other = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        ClusterKeys keys = ClusterKeys.parseLines(List.of("# rotated 2026-11-28", "", other, "  " + KEY + "  "));
        assertThat(keys.acceptedKeyIds()).hasSize(2);
        assertThat(keys.currentKeyId())
                .isEqualTo(ClusterKeys.parse(other, List.of()).currentKeyId());
        assertThatThrownBy(() -> ClusterKeys.parseLines(List.of("# nothing"))).hasMessage("holds no key");
        assertThatThrownBy(() -> ClusterKeys.parseLines(List.of(KEY, "", "c2hvcnQ=")))
                .hasMessageStartingWith("the key on line 3 has 5 bytes");
    }
}
