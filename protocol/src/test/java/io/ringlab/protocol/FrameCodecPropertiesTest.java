package io.ringlab.protocol;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** Codec properties over generated input; jqwik prints the seed of any failing sample. */
class FrameCodecPropertiesTest {

    @Property
    void everyRequestRoundTrips(@ForAll long id, @ForAll @Size(max = 1500) byte[] payload) {
        Request request = new Request(id, payload);
        assertThat(FrameCodec.decode(FrameCodec.encode(request))).isEqualTo(new Decoded.Framed(request));
    }

    @Property
    void everyReplyRoundTrips(@ForAll long id, @ForAll @Size(max = 1500) byte[] payload) {
        Reply reply = new Reply(id, payload);
        assertThat(FrameCodec.decode(FrameCodec.encode(reply))).isEqualTo(new Decoded.Framed(reply));
    }

    @Property(tries = 5000)
    void anyBytesDecodeWithoutThrowing(@ForAll @Size(max = 64) byte[] datagram) {
        Decoded decoded = FrameCodec.decode(datagram);
        assertThat(decoded).isNotNull();
        if (datagram.length > 0 && !FrameCodec.looksFramed(datagram, datagram.length)) {
            assertThat(decoded)
                    .isEqualTo(new Decoded.Raw(datagram.clone()))
                    .satisfies(d -> assertThat(((Decoded.Raw) d).payload()).isEqualTo(datagram));
        }
    }

    @Property(tries = 5000)
    void anyBytesAfterTheMagicDecodeWithoutThrowing(@ForAll @Size(max = 32) byte[] rest) {
        byte[] datagram = new byte[rest.length + 2];
        datagram[0] = 'R';
        datagram[1] = 'L';
        System.arraycopy(rest, 0, datagram, 2, rest.length);
        assertThat(FrameCodec.decode(datagram)).isNotInstanceOf(Decoded.Raw.class);
    }

    @Property
    void reversingTwiceGivesThePayloadBack(@ForAll @Size(max = 256) byte[] payload) {
        assertThat(Payloads.reverse(Payloads.reverse(payload))).isEqualTo(payload);
        assertThat(Payloads.isReverseOf(Payloads.reverse(payload), payload)).isTrue();
    }

    @Property(tries = 5000)
    void theInPlaceViewAgreesWithTheDecoderOnRequestsAndReplies(
            @ForAll @Size(max = 32) byte[] rest, @ForAll boolean withMagic) {
        byte[] datagram = new byte[rest.length + 3];
        datagram[0] = withMagic ? FrameCodec.MAGIC_0 : rest.length > 0 ? rest[0] : 0;
        datagram[1] = FrameCodec.MAGIC_1;
        datagram[2] = FrameCodec.VERSION;
        System.arraycopy(rest, 0, datagram, 3, rest.length);
        FrameType type = FrameCodec.frameType(datagram);
        Decoded decoded = FrameCodec.decode(datagram);
        if (type == FrameType.REQUEST) {
            assertThat(decoded)
                    .isInstanceOfSatisfying(
                            Decoded.Framed.class,
                            framed -> assertThat(((Request) framed.frame()).requestId())
                                    .isEqualTo(FrameCodec.requestId(datagram)));
        } else if (type == FrameType.REPLY) {
            assertThat(decoded)
                    .isInstanceOfSatisfying(
                            Decoded.Framed.class,
                            framed -> assertThat(((Reply) framed.frame()).requestId())
                                    .isEqualTo(FrameCodec.requestId(datagram)));
        }
        boolean decodedAsRequestOrReply = decoded instanceof Decoded.Framed framed
                && (framed.frame() instanceof Request || framed.frame() instanceof Reply);
        assertThat(decodedAsRequestOrReply).isEqualTo(type == FrameType.REQUEST || type == FrameType.REPLY);
    }

    @Property
    void rewritingTheIdChangesTheIdAndNothingElse(
            @ForAll long id, @ForAll long newId, @ForAll @Size(max = 1500) byte[] payload) {
        byte[] frame = FrameCodec.encodeRequest(id, payload);
        assertThat(FrameCodec.rewriteRequestId(frame, newId)).isSameAs(frame);
        assertThat(FrameCodec.decode(frame)).isEqualTo(new Decoded.Framed(new Request(newId, payload)));
    }
}
