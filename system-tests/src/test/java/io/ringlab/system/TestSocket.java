package io.ringlab.system;

import io.ringlab.protocol.Decoded;
import io.ringlab.protocol.Frame;
import io.ringlab.protocol.FrameCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;

/** A plain UDP socket on an ephemeral loopback port, playing a client, a server or an agent in a test. */
class TestSocket implements AutoCloseable {

    /** Generous: only reached when something is broken, never on the passing path. */
    private static final int RECEIVE_TIMEOUT_MS = 20_000;

    private final DatagramSocket socket;
    private SocketAddress lastSender;

    TestSocket() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    void send(SocketAddress to, byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(SocketAddress to, Frame frame) {
        send(to, FrameCodec.encode(frame));
    }

    /** The next datagram, waiting for it (fails the test if none comes at all). */
    byte[] receive() {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (IOException e) {
            throw new UncheckedIOException("no datagram arrived", e);
        }
        lastSender = packet.getSocketAddress();
        return Arrays.copyOf(buffer, packet.getLength());
    }

    /**
     * The next datagram if one arrives within {@code timeout}, else empty: for checking that nothing answers,
     * once something else shows the datagram was dealt with.
     */
    java.util.Optional<byte[]> receiveWithin(java.time.Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            return java.util.Optional.of(receive());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.net.SocketTimeoutException) {
                return java.util.Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
            } catch (IOException ignored) {
                // the socket is closed: the next receive says so
            }
        }
    }

    /** The next datagram, decoded as a frame. */
    Frame receiveFrame() {
        Decoded decoded = FrameCodec.decode(receive());
        if (decoded instanceof Decoded.Framed framed) {
            return framed.frame();
        }
        throw new AssertionError("expected a frame, got " + decoded);
    }

    /** The next request frame; (sealed) health pings arriving before it are skipped (this socket plays a server). */
    io.ringlab.protocol.Request receiveRequest() {
        while (true) {
            byte[] datagram = receive();
            if (FrameCodec.frameType(datagram) == io.ringlab.protocol.FrameType.PING) {
                continue;
            }
            Decoded decoded = FrameCodec.decode(datagram);
            if (decoded instanceof Decoded.Framed framed
                    && framed.frame() instanceof io.ringlab.protocol.Request request) {
                return request;
            }
            throw new AssertionError("expected a request, got " + decoded);
        }
    }

    SocketAddress lastSender() {
        return lastSender;
    }

    @Override
    public void close() {
        socket.close();
    }
}
