package io.ringlab.dashboard.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on a free loopback port for one connection, that answers byte for byte as a test writes it (a
 * body that never ends, headers and then nothing) and notices when the client closes the connection.
 */
final class RawHttpServer implements AutoCloseable {

    interface Answer {
        void write(OutputStream out) throws IOException;
    }

    private final ServerSocket listening;
    private final CountDownLatch clientConnected = new CountDownLatch(1);
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private volatile boolean answerWritten;
    private volatile Socket connection;

    RawHttpServer(Answer answer) throws IOException {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(answer), "raw-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listening.getLocalPort() + path);
    }

    /** Whether the client opened its connection within {@code patience}. */
    boolean clientConnectedWithin(Duration patience) throws InterruptedException {
        return clientConnected.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the client closed the connection within {@code patience}. */
    boolean clientClosedWithin(Duration patience) throws InterruptedException {
        return clientClosed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the whole answer could be written: false when the client closed the connection first. */
    boolean answerWritten() {
        return answerWritten;
    }

    private void serve(Answer answer) {
        try (Socket accepted = listening.accept()) {
            connection = accepted;
            clientConnected.countDown();
            InputStream in = accepted.getInputStream();
            readRequestHead(in);
            OutputStream out = accepted.getOutputStream();
            answer.write(out);
            out.flush();
            answerWritten = true;
            while (in.read() >= 0) {
                // a kept-alive connection: wait for the client to close it
            }
        } catch (IOException e) {
            // the client closed the connection while the answer was written, or read
        }
        clientClosed.countDown();
    }

    private static void readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listening.close();
        Socket accepted = connection;
        if (accepted != null) {
            accepted.close();
        }
    }
}
