package io.ringlab.agent.routing;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * The agent's request ids: 64 unpredictable bits each, so that nobody who saw some ids can tell the next one and
 * answer a request in a server's place. They are an AES-CTR keystream under a key drawn from a {@link SecureRandom}
 * (the construction of NIST's CTR_DRBG), made in batches per thread: an id costs a few nanoseconds on the data path,
 * where drawing each from the {@code SecureRandom} would cost about a hundred.
 */
public final class RequestIds implements LongSupplier {

    private static final int BATCH = 512;

    private final class Batch {
        final Cipher keystream = newKeystream();
        final byte[] zeros = new byte[BATCH * Long.BYTES];
        final byte[] bytes = new byte[BATCH * Long.BYTES];
        final ByteBuffer view = ByteBuffer.wrap(bytes);
        int next = BATCH;

        void refill() {
            try {
                keystream.update(zeros, 0, zeros.length, bytes, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CTR failed", e);
            }
            next = 0;
        }
    }

    private final SecureRandom random;
    private final ThreadLocal<Batch> batches = ThreadLocal.withInitial(Batch::new);

    public RequestIds(SecureRandom random) {
        this.random = random;
    }

    @Override
    public long getAsLong() {
        Batch batch = batches.get();
        if (batch.next == BATCH) {
            batch.refill();
        }
        return batch.view.getLong(Long.BYTES * batch.next++);
    }

    /** A keystream of its own for each thread: a fresh key and counter from the {@code SecureRandom}. */
    private Cipher newKeystream() {
        byte[] key = new byte[16];
        byte[] counter = new byte[16];
        random.nextBytes(key);
        random.nextBytes(counter);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES-CTR", e);
        }
    }
}
