package io.ringlab.agent.routing;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * The agent's request ids: 64 random bits each, from a {@link SecureRandom}, so that nobody who saw some ids can
 * tell the next one and answer a request in a server's place. Drawn in batches per thread, so that an id costs a
 * few nanoseconds on the data path rather than a call into the generator.
 */
public final class RequestIds implements LongSupplier {

    private static final int BATCH = 512;

    private static final class Batch {
        final byte[] bytes = new byte[BATCH * Long.BYTES];
        final ByteBuffer view = ByteBuffer.wrap(bytes);
        int next = BATCH;
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
            random.nextBytes(batch.bytes);
            batch.next = 0;
        }
        return batch.view.getLong(Long.BYTES * batch.next++);
    }
}
