package io.ringlab.election.message;

import io.ringlab.protocol.DropReason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads big-endian fields; a bad field throws {@link WireException}, which the codec turns into data. */
final class WireReader {

    private final byte[] data;
    private final int end;
    private int position;

    WireReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    int u8() {
        need(1, "byte");
        return data[position++] & 0xFF;
    }

    long i64(String field) {
        need(Long.BYTES, field);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    long nonNegative(String field) {
        long value = i64(field);
        if (value < 0) {
            throw new WireException(DropReason.MALFORMED, field + " is negative");
        }
        return value;
    }

    /** A node id that must not be empty. */
    String id(String field) {
        String id = idOrEmpty(field);
        if (id.isEmpty()) {
            throw new WireException(DropReason.MALFORMED, field + " is empty");
        }
        return id;
    }

    RoundId round(String field) {
        long term = nonNegative(field + ".term");
        if (term > RoundId.MAX_TERM) {
            throw new WireException(DropReason.MALFORMED, field + ".term is above the maximum " + RoundId.MAX_TERM);
        }
        String initiator = idOrEmpty(field + ".initiator");
        long incarnation = i64(field + ".incarnation");
        if (term == 0) {
            if (!initiator.isEmpty() || incarnation != 0) {
                throw new WireException(DropReason.MALFORMED, field + " has term 0 but is not 'none'");
            }
            return RoundId.NONE;
        }
        if (initiator.isEmpty()) {
            throw new WireException(DropReason.MALFORMED, field + ".initiator is empty");
        }
        return new RoundId(term, initiator, incarnation);
    }

    void expectEnd() {
        if (position != end) {
            throw new WireException(DropReason.MALFORMED, (end - position) + " bytes after the last field");
        }
    }

    private String idOrEmpty(String field) {
        int length = u8();
        need(length, field);
        try {
            String id = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, position, length))
                    .toString();
            position += length;
            return id;
        } catch (CharacterCodingException e) {
            throw new WireException(DropReason.MALFORMED, field + " is not UTF-8");
        }
    }

    private void need(int bytes, String field) {
        if (end - position < bytes) {
            throw new WireException(DropReason.TRUNCATED, "ends inside " + field);
        }
    }

    /** A decoding failure; caught by the codec, never seen by callers. */
    static final class WireException extends RuntimeException {

        final DropReason reason;

        WireException(DropReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
