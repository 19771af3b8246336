package io.ringlab.support.transport;

/** Which code moves a service's datagrams: {@code ringlab.transport.kind}. */
public enum TransportKind {
    /** Netty: epoll (recvmmsg, sendmmsg once per read batch) where its native library loads, Netty's NIO elsewhere. */
    NETTY,
    /**
     * Netty on io_uring (reads and writes as submissions, handed to the kernel together once per loop turn) where
     * the kernel allows it; else as {@link #NETTY}.
     */
    IO_URING,
    /** The JDK's NIO channels served by the service's own {@link UdpEventLoop}. */
    NIO
}
