package io.ringlab.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCodecTest {

    @Test
    void requestRoundTrips() {
        Request request = new Request(42, new byte[] {1, 2, 3});
        assertThat(FrameCodec.decode(FrameCodec.encode(request))).isEqualTo(new Decoded.Framed(request));
    }

    @Test
    void replyRoundTripsWithExtremeIdsAndEmptyPayload() {
        for (long id : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            Reply reply = new Reply(id, new byte[0]);
            assertThat(FrameCodec.decode(FrameCodec.encode(reply))).isEqualTo(new Decoded.Framed(reply));
        }
    }

    @Test
    void headerIsMagicVersionTypeThenBigEndianId() {
        byte[] bytes = FrameCodec.encodeRequest(0x0102030405060708L, new byte[] {9});
        assertThat(bytes).containsExactly('R', 'L', 1, 'q', 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void reversedReplyReversesTheGivenRange() {
        byte[] reply = FrameCodec.encodeReversedReply(5, new byte[] {0, 1, 2, 3, 0}, 1, 3);
        assertThat(FrameCodec.decode(reply)).isEqualTo(new Decoded.Framed(new Reply(5, new byte[] {3, 2, 1})));
    }

    @Test
    void datagramWithoutMagicIsARawSeedRequest() {
        assertThat(FrameCodec.decode(new byte[] {1, 2, 3}))
                .isEqualTo(new Decoded.Raw(new byte[] {1, 2, 3}))
                .satisfies(d -> assertThat(((Decoded.Raw) d).payload()).containsExactly(1, 2, 3));
        assertThat(FrameCodec.decode(new byte[] {'R'})).isInstanceOf(Decoded.Raw.class);
    }

    @Test
    void emptyDatagramIsInvalid() {
        assertThat(FrameCodec.decode(new byte[0])).isEqualTo(new Decoded.Invalid(DropReason.EMPTY));
    }

    @Test
    void frameCutInsideTheHeaderIsTruncated() {
        assertThat(FrameCodec.decode(new byte[] {'R', 'L'})).isEqualTo(new Decoded.Invalid(DropReason.TRUNCATED));
        assertThat(FrameCodec.decode(new byte[] {'R', 'L', 1})).isEqualTo(new Decoded.Invalid(DropReason.TRUNCATED));
        assertThat(FrameCodec.decode(new byte[] {'R', 'L', 1, 'q', 0, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(new Decoded.Invalid(DropReason.TRUNCATED));
    }

    @Test
    void otherVersionIsUnsupported() {
        assertThat(FrameCodec.decode(new byte[] {'R', 'L', 2, 'q', 0, 0, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(new Decoded.Invalid(DropReason.UNSUPPORTED_VERSION));
    }

    @Test
    void unknownTypeByteIsReported() {
        assertThat(FrameCodec.decode(new byte[] {'R', 'L', 1, 'Z', 0, 0, 0, 0, 0, 0, 0, 0}))
                .isEqualTo(new Decoded.Invalid(DropReason.UNKNOWN_TYPE));
    }

    @Test
    void decodeReadsOnlyTheGivenLength() {
        byte[] buffer = new byte[64];
        byte[] frame = FrameCodec.encodeReply(3, new byte[] {7, 8});
        System.arraycopy(frame, 0, buffer, 0, frame.length);
        assertThat(FrameCodec.decode(buffer, frame.length))
                .isEqualTo(new Decoded.Framed(new Reply(3, new byte[] {7, 8})));
    }

    @Test
    void serverStateRoundTrips() {
        for (ServerState state : new ServerState[] {ServerState.up(1), ServerState.down(Long.MAX_VALUE, 15_000)}) {
            assertThat(FrameCodec.decode(FrameCodec.encode(state))).isEqualTo(new Decoded.Framed(state));
        }
        assertThat(FrameCodec.encode(ServerState.down(2, 7)))
                .containsExactly('R', 'L', 1, 's', 0, 0, 0, 0, 0, 0, 0, 2, 'd', 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(FrameCodec.decode(FrameCodec.encode(ServerState.up(5).answering(99))))
                .isEqualTo(new Decoded.Framed(new ServerState(5, true, 0, 99)));
    }

    @Test
    void serverStateWithBadFieldsIsMalformedOrTruncated() {
        byte[] good = FrameCodec.encode(ServerState.up(3));
        byte[] badState = good.clone();
        badState[12] = 'x';
        assertThat(FrameCodec.decode(badState)).isEqualTo(new Decoded.Invalid(DropReason.MALFORMED));
        assertThat(FrameCodec.decode(java.util.Arrays.copyOf(good, good.length + 1)))
                .isEqualTo(new Decoded.Invalid(DropReason.MALFORMED));
        assertThat(FrameCodec.decode(good, good.length - 1)).isEqualTo(new Decoded.Invalid(DropReason.TRUNCATED));
    }

    @Test
    void pingRoundTripsAndCarriesNothingElse() {
        Ping ping = new Ping(77, "ring-server-0.ring-server:4242");
        assertThat(FrameCodec.decode(FrameCodec.encode(ping))).isEqualTo(new Decoded.Framed(ping));
        byte[] encoded = FrameCodec.encode(ping);
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        assertThat(FrameCodec.decode(longer)).isEqualTo(new Decoded.Invalid(DropReason.MALFORMED));
        byte[] noTarget = java.util.Arrays.copyOf(encoded, 14);
        noTarget[12] = 0;
        assertThat(FrameCodec.decode(noTarget)).isEqualTo(new Decoded.Invalid(DropReason.MALFORMED));
        assertThat(FrameCodec.decode(encoded, 12)).isEqualTo(new Decoded.Invalid(DropReason.TRUNCATED));
    }

    @Test
    void dropReasonTagsAreKebabCase() {
        assertThat(DropReason.UNSUPPORTED_VERSION.tag()).isEqualTo("unsupported-version");
        assertThat(DropReason.EMPTY.tag()).isEqualTo("empty");
    }
}
