package io.ringlab.protocol.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One cluster key: the secret of HMAC-SHA256 and its one-byte id, the first byte of the key's SHA-256, which
 * tells a receiver which of its keys to try. The id is a hint, not a secret and not unique: a receiver tries every
 * key with that id.
 */
final class ClusterKey {

    static final String ALGORITHM = "HmacSHA256";

    private final byte id;
    private final Mac mac;

    ClusterKey(byte[] secret) {
        this.id = sha256(secret)[0];
        try {
            this.mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    byte id() {
        return id;
    }

    /** The first {@code macLength} bytes of the HMAC of {@code data[0, length)} then {@code suffix}. Thread-safe. */
    byte[] mac(byte[] data, int length, byte[] suffix, int macLength) {
        byte[] full;
        synchronized (mac) {
            mac.update(data, 0, length);
            mac.update(suffix);
            full = mac.doFinal();
        }
        return Arrays.copyOf(full, macLength);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
