package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ringlab.protocol.DropReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.support.MessageBuilder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch step without sockets: every datagram of a read batch goes through the logic, what it sends on leaves as
 * one message, a datagram the logic fails on is counted alone, and nothing of either batch outlives the send.
 */
class DatagramBatchHandlerTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40_000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4242);

    private final DropCounter drops = new DropCounter();
    private final DirectChannel output = new DirectChannel();
    /** What each outgoing message held while it was sent, read during the send. */
    private final List<List<String>> sentBatches = new ArrayList<>();
    /** The outgoing batches and their buffers, kept on purpose to see that they are emptied after the send. */
    private final List<DatagramBatch> keptBatches = new ArrayList<>();

    private final List<ByteBuf> keptBuffers = new ArrayList<>();

    /** Upper-cases each datagram to the server, in a buffer of its own; drops "drop"; throws on "fail". */
    private final DatagramBatchHandler handler = new DatagramBatchHandler(
            (datagram, sender, nowNanos, out) -> {
                String text = datagram.toString(StandardCharsets.US_ASCII);
                if (text.equals("fail")) {
                    throw new IllegalStateException("fails on purpose");
                }
                if (text.equals("drop")) {
                    drops.drop(DropReason.UNKNOWN_REQUEST);
                    return;
                }
                out.add(Unpooled.copiedBuffer(text.toUpperCase(), StandardCharsets.US_ASCII), SERVER);
            },
            output,
            drops);

    DatagramBatchHandlerTest() {
        output.subscribe(message -> {
            DatagramBatch batch = (DatagramBatch) message.getPayload();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                assertThat(batch.address(i)).isEqualTo(SERVER);
                texts.add(batch.content(i).toString(StandardCharsets.US_ASCII));
                keptBuffers.add(batch.content(i));
            }
            sentBatches.add(texts);
            keptBatches.add(batch);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, DatagramBatch.CAPACITY})
    void handlesEveryDatagramOfABatchAndSendsThemOnAsOne(int size) {
        List<String> expected = new ArrayList<>();
        List<ByteBuf> received = new ArrayList<>();
        DatagramBatch batch = new DatagramBatch();
        for (int i = 0; i < size; i++) {
            ByteBuf datagram = Unpooled.copiedBuffer("r" + i, StandardCharsets.US_ASCII);
            received.add(datagram);
            batch.add(datagram, CLIENT);
            expected.add("R" + i);
        }

        handle(batch);

        assertThat(sentBatches).containsExactly(expected);
        assertThat(drops.snapshot()).isEmpty();
        assertNothingKept(batch, received);
    }

    @Test
    void aDatagramTheLogicFailsOnIsCountedAloneAndTheRestGoOn() {
        DatagramBatch batch = batchOf("a", "drop", "fail", "b", "fail", "c");
        List<ByteBuf> received = buffersOf(batch);

        handle(batch);

        assertThat(sentBatches).containsExactly(List.of("A", "B", "C"));
        assertThat(drops.count(DropReason.HANDLER_FAILED)).isEqualTo(2);
        assertThat(drops.count(DropReason.UNKNOWN_REQUEST)).isEqualTo(1);
        assertThat(drops.snapshot()).hasSize(2);
        assertNothingKept(batch, received);
    }

    @Test
    void aBatchWithNothingToSendOnSendsNoMessage() {
        DatagramBatch batch = batchOf("drop", "fail");

        handle(batch);

        assertThat(sentBatches).isEmpty();
        assertThat(drops.count(DropReason.HANDLER_FAILED)).isEqualTo(1);
        assertThat(drops.count(DropReason.UNKNOWN_REQUEST)).isEqualTo(1);
    }

    @Test
    void theOutgoingBatchIsReleasedEvenWhenTheOutputFails() {
        DirectChannel failing = new DirectChannel();
        List<ByteBuf> sent = new ArrayList<>();
        failing.subscribe(message -> {
            DatagramBatch out = (DatagramBatch) message.getPayload();
            for (int i = 0; i < out.size(); i++) {
                sent.add(out.content(i));
            }
            throw new IllegalStateException("the output fails on purpose");
        });
        DatagramBatchHandler failingOutput = new DatagramBatchHandler(
                (datagram, sender, nowNanos, out) -> out.add(datagram.retain(), SERVER), failing, drops);
        DatagramBatch batch = batchOf("a", "b");
        List<ByteBuf> received = buffersOf(batch);

        try {
            failingOutput.handleMessage(MessageBuilder.withPayload(batch).build());
        } catch (RuntimeException expected) {
            // the producer counts the batch as handler-failed; here only the buffers matter
        } finally {
            batch.clear();
        }

        assertThat(sent).hasSize(2);
        assertThat(received).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    private void handle(DatagramBatch batch) {
        try {
            handler.handleMessage(MessageBuilder.withPayload(batch).build());
        } finally {
            batch.clear(); // as the producer does when the flow returns
        }
    }

    private void assertNothingKept(DatagramBatch received, List<ByteBuf> receivedBuffers) {
        assertThat(received.isEmpty()).isTrue();
        assertThat(receivedBuffers)
                .allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
        assertThat(keptBatches).allSatisfy(batch -> assertThat(batch.isEmpty()).isTrue());
        assertThat(keptBuffers).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    private static DatagramBatch batchOf(String... texts) {
        DatagramBatch batch = new DatagramBatch();
        for (String text : texts) {
            batch.add(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII), CLIENT);
        }
        return batch;
    }

    private static List<ByteBuf> buffersOf(DatagramBatch batch) {
        List<ByteBuf> buffers = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            buffers.add(batch.content(i));
        }
        return buffers;
    }
}
