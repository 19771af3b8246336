package io.ringlab.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlErrorsTest {

    @Test
    void jacksonsLocationIsLeftOutOfTheDetail() {
        assertThat(ControlErrors.withoutLocation("Unexpected end-of-input: expected close marker for Object (start "
                        + "marker at [Source: REDACTED; byte offset: #UNKNOWN])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(ControlErrors.withoutLocation("Unexpected character ('s' (code 115))"))
                .isEqualTo("Unexpected character ('s' (code 115))");
    }
}
