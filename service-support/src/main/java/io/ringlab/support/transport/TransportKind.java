package io.ringlab.support.transport;

/** Which code moves a service's datagrams: {@code ringlab.transport.kind}. */
public enum TransportKind {
    /** Netty: epoll (recvmmsg, sendmmsg once per read batch) where its native library loads, Netty's NIO elsewhere. */
    NETTY,
    /** The JDK's NIO channels served by the service's own {@link UdpEventLoop}. */
    NIO
}
