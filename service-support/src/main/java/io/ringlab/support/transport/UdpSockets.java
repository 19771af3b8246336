package io.ringlab.support.transport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;

/**
 * Binds UDP sockets eagerly, at bean creation, so that a port in use stops startup with a clear
 * message instead of failing when the event loop first reads; and so that the bound port of an ephemeral
 * ({@code 0}) socket is known at once.
 */
public final class UdpSockets {

    private static final Log log = LogFactory.getLog(UdpSockets.class);

    private UdpSockets() {}

    /**
     * @param property the configuration property that chose the port, named in the error
     * @param bindAddress an address to bind to, or {@code null}/blank for the wildcard (IPv4 and IPv6)
     */
    public static DatagramSocket bind(String property, String bindAddress, int port, UdpSettings settings) {
        InetAddress address = bindAddress(property, bindAddress);
        DatagramChannel channel = null;
        try {
            // the socket of an NIO channel: the data path works on the channel (socket.getChannel())
            channel = DatagramChannel.open();
            DatagramSocket socket = channel.socket();
            socket.setReuseAddress(false);
            if (settings.socketReceiveBuffer() > 0) {
                socket.setReceiveBufferSize(settings.socketReceiveBuffer());
            }
            if (settings.socketSendBuffer() > 0) {
                socket.setSendBufferSize(settings.socketSendBuffer());
            }
            socket.bind(new InetSocketAddress(address, port));
            log.info(("UDP %s: bound %s; receive buffer %d bytes, send buffer %d bytes (asked %d and %d; the kernel "
                            + "caps them at net.core.rmem_max and wmem_max)")
                    .formatted(
                            property,
                            socket.getLocalSocketAddress(),
                            socket.getReceiveBufferSize(),
                            socket.getSendBufferSize(),
                            settings.socketReceiveBuffer(),
                            settings.socketSendBuffer()));
            return socket;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UdpBindException(property, "cannot bind UDP port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The address to bind to, or {@code null} for the wildcard. */
    static InetAddress bindAddress(String property, String bindAddress) {
        try {
            return bindAddress == null || bindAddress.isBlank() ? null : InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new UdpBindException(property, "bind address '" + bindAddress + "' does not resolve", e);
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was bound
            }
        }
    }

    /** Raised when a socket cannot be bound; names the property that chose the port. */
    public static final class UdpBindException extends UncheckedIOException {

        private final String property;

        UdpBindException(String property, String message, java.io.IOException cause) {
            super(property + ": " + message, cause);
            this.property = property;
        }

        public String property() {
            return property;
        }
    }
}
