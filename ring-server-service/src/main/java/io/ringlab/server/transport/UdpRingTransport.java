package io.ringlab.server.transport;

import io.ringlab.election.Transport;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DropCounter;

import java.net.InetSocketAddress;

/** Sends ring messages, each sealed for its receiver, as datagrams from the server's own socket. Never blocks, never throws. */
public class UdpRingTransport implements Transport {

    private final PeerAddresses peers;
    private final DatagramSender sender;
    private final DropCounter drops;
    private final FrameSealer sealer;
    private final ConfigurationId configuration;

    /** @param configuration this server's ring configuration, carried by every message it sends */
    public UdpRingTransport(
            PeerAddresses peers,
            DatagramSender sender,
            DropCounter drops,
            FrameSealer sealer,
            ConfigurationId configuration) {
        this.peers = peers;
        this.configuration = configuration;
        this.sender = sender;
        this.drops = drops;
        this.sealer = sealer;
    }

    @Override
    public void send(String to, RingMessage message) {
        InetSocketAddress address = peers.get(to);
        if (address == null || address.isUnresolved()) {
            drops.drop(DropReason.SEND_FAILED);
            return;
        }
        sender.send(address, sealer.seal(RingMessageCodec.encode(message, configuration), message.sender(), to));
    }
}
