package io.ringlab.election.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names a ring configuration: the ordered member list. Every ring message carries the sender's configuration id,
 * and a node hands the election only messages of its own configuration (see {@code docs/ELECTION.md}, "Changing
 * the ring's size"). The id is the first 64 bits of SHA-256 over the canonical list: each member as one length
 * byte and its UTF-8 bytes, in ring order. The same members in another order are another configuration.
 *
 * @param value the 64 bits as they go on the wire
 */
public record ConfigurationId(long value) {

    public static ConfigurationId of(List<String> members) {
        MessageDigest sha256 = sha256();
        for (String member : members) {
            byte[] utf8 = member.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > 255) {
                throw new IllegalArgumentException("member id '" + member + "' is longer than 255 bytes of UTF-8");
            }
            sha256.update((byte) utf8.length);
            sha256.update(utf8);
        }
        byte[] digest = sha256.digest();
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return new ConfigurationId(value);
    }

    /** Sixteen lowercase hex digits, as in status and logs. */
    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
