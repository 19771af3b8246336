package io.ringlab.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void printableTextIsKeptAsItIs() {
        assertThat(LogText.escape("3@127.0.0.1:4243#f7cb server-2 (value 857687)"))
                .isEqualTo("3@127.0.0.1:4243#f7cb server-2 (value 857687)");
        assertThat(LogText.escape("Zürich 東京 ✓")).isEqualTo("Zürich 東京 ✓");
        assertThat(LogText.escape("")).isEmpty();
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void aLineBreakCannotForgeASecondLogLine() {
        String forged = LogText.escape("round 1\r\n12:00:00.000 WARN  [main] RingService - winner server-9");

        assertThat(forged)
                .doesNotContain("\n")
                .doesNotContain("\r")
                .isEqualTo("round 1\\r\\n12:00:00.000 WARN  [main] RingService - winner server-9");
    }

    @Test
    void controlCharactersAreWrittenAsEscapes() {
        assertThat(LogText.escape("a\tb\u0000c\u001b[31md\u007fe\u0085f"))
                .isEqualTo("a\\tb\\x00c\\x1B[31md\\x7Fe\\x85f");
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeInTheInputCannotPassForOne() {
        assertThat(LogText.escape("a\\nb")).isEqualTo("a\\\\nb");
    }

    @Test
    void charactersThatDoNotPrintAsThemselvesAreNamedByCodePoint() {
        assertThat(LogText.escape("admin\u202Enimda")).isEqualTo("admin\\u{202E}nimda");
        assertThat(LogText.escape("a\u200Bb\u00A0c\u2028d")).isEqualTo("a\\u{200B}b\\u{A0}c\\u{2028}d");
        assertThat(LogText.escape("x\uD800y")).as("a lone surrogate").isEqualTo("x\\u{D800}y");
        assertThat(LogText.escape("\uE000")).as("private use").isEqualTo("\\u{E000}");
        assertThat(LogText.escape("\uD83D\uDE00"))
                .as("a pair is one printable character")
                .isEqualTo("\uD83D\uDE00");
    }

    @Test
    void longTextIsCutAndSaysHowMuchWasLeftOut() {
        String escaped = LogText.escape("x".repeat(1000));

        assertThat(escaped).isEqualTo("x".repeat(LogText.MAX_LENGTH) + "...(+880 chars)");
        assertThat(LogText.escape("y".repeat(LogText.MAX_LENGTH))).isEqualTo("y".repeat(LogText.MAX_LENGTH));
    }

    @Test
    void theCutNeverSplitsAnEscape() {
        String escaped = LogText.escape("x".repeat(LogText.MAX_LENGTH - 1) + "\n" + "z");

        assertThat(escaped).isEqualTo("x".repeat(LogText.MAX_LENGTH - 1) + "...(+2 chars)");
    }
}
