package io.ringlab.protocol;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place that says why a receiver drops what it decoded but has no use for. */
class DecodedTest {

    @Test
    void aFrameOfAnotherTypeIsUnexpectedARawDatagramIsNotAFrameAndAnInvalidOneGivesItsOwnReason() {
        byte[] request = FrameCodec.encodeRequest(7, new byte[] {1, 2});

        assertThat(FrameCodec.decode(request).dropReason()).isEqualTo(DropReason.UNEXPECTED_TYPE);
        assertThat(FrameCodec.decode(new byte[] {'h', 'i'}).dropReason()).isEqualTo(DropReason.NOT_A_FRAME);
        assertThat(FrameCodec.decode(new byte[0]).dropReason()).isEqualTo(DropReason.EMPTY);
        assertThat(FrameCodec.decode(Arrays.copyOf(request, 5)).dropReason()).isEqualTo(DropReason.TRUNCATED);
    }
}
