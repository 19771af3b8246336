package io.ringlab.server.election;

import io.ringlab.election.Transport;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.protocol.DropReason;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DropCounter;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/** Sends ring messages as datagrams from the server's own socket. Never blocks, never throws. */
public class UdpRingTransport implements Transport {

    private final PeerAddresses peers;
    private final DatagramSender sender;
    private final DropCounter drops;
    private final LongAdder sent = new LongAdder();

    public UdpRingTransport(PeerAddresses peers, DatagramSender sender, DropCounter drops) {
        this.peers = peers;
        this.sender = sender;
        this.drops = drops;
    }

    @Override
    public void send(String to, RingMessage message) {
        InetSocketAddress address = peers.get(to);
        if (address == null || address.isUnresolved()) {
            drops.drop(DropReason.SEND_FAILED);
            return;
        }
        sender.send(address, RingMessageCodec.encode(message));
        sent.increment();
    }

    public long sentCount() {
        return sent.sum();
    }
}
