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
        assertThat(ClusterKeys.parse(Base64.getUrlEncoder().encodeToString(bytes), List.of(KEY))).isNotNull();
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
}
