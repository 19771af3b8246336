#!/usr/bin/env python3
"""RingLab system tests: UDP datagrams with any IPv4 source address and port, and a look at the datagrams that
cross an interface (loopback in the tests). Java has no raw sockets; io.ringlab.system.SpoofedSender drives this
script. Standard library only. Needs a raw socket: root, or the capability CAP_NET_RAW.

Sending builds the whole IPv4 packet (IP_HDRINCL, implied by IPPROTO_RAW): the IPv4 header with its checksum, the
UDP header with its checksum over the pseudo-header, header and payload. The kernel checks the UDP checksum of a
packet that comes in through a raw socket, so a datagram that arrives proves the checksum right.

Protocol: one JSON object per line on stdin, one JSON object per line on stdout.
  at start, once:  {"ready": true}  or  {"ready": false, "reason": "..."} (and the script ends)
  {"op": "send", "packets": [["127.0.0.1", 4242, "127.0.0.1", 4243, "0102ab"], ...], "corrupt_checksum": false}
      -> {"ok": true, "sent": n}
  {"op": "capture", "interface": "lo", "src_ports": [p, ...] | null, "dst_ports": [p, ...] | null,
   "prefix": "524c01" | "", "count": n, "timeout_ms": t}
      -> {"ok": true, "packets": [[src_ip, src_port, dst_ip, dst_port, "hex payload"], ...]}
         the first n UDP datagrams received on the interface that match, fewer when the time is up
  a command that fails -> {"ok": false, "error": "..."}
"""
import json
import os
import socket
import struct
import sys
import time

IPPROTO_UDP = 17
ETH_P_ALL = 0x0003
ETH_P_IP = 0x0800
ETHERNET_HEADER = 14
PACKET_OUTGOING = 4


def checksum(data):
    """The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words."""
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4_udp(src_ip, src_port, dst_ip, dst_port, payload, ident, corrupt_checksum=False):
    src = socket.inet_aton(src_ip)
    dst = socket.inet_aton(dst_ip)
    udp_length = 8 + len(payload)
    pseudo_header = src + dst + struct.pack("!BBH", 0, IPPROTO_UDP, udp_length)
    udp_header = struct.pack("!HHHH", src_port, dst_port, udp_length, 0)
    # 0 means "no checksum" in IPv4: a sum that comes out 0 is sent as its other form, 0xFFFF (RFC 768)
    udp_checksum = checksum(pseudo_header + udp_header + payload) or 0xFFFF
    if corrupt_checksum:
        udp_checksum = (udp_checksum ^ 0x5A5A) or 0x1234
    udp = struct.pack("!HHHH", src_port, dst_port, udp_length, udp_checksum) + payload
    # version 4, header of 5 words; no TOS; no fragments; TTL 64
    ip_header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), ident, 0, 64, IPPROTO_UDP, 0, src, dst)
    ip_header = ip_header[:10] + struct.pack("!H", checksum(ip_header)) + ip_header[12:]
    return ip_header + udp


def send(raw, command, state):
    corrupt = bool(command.get("corrupt_checksum", False))
    sent = 0
    for src_ip, src_port, dst_ip, dst_port, payload_hex in command["packets"]:
        state["ident"] = (state["ident"] + 1) & 0xFFFF
        packet = ipv4_udp(src_ip, int(src_port), dst_ip, int(dst_port), bytes.fromhex(payload_hex), state["ident"],
                          corrupt)
        raw.sendto(packet, (dst_ip, 0))
        sent += 1
    return {"ok": True, "sent": sent}


def capture(command):
    interface = command.get("interface") or "lo"
    src_ports = set(command["src_ports"]) if command.get("src_ports") else None
    dst_ports = set(command["dst_ports"]) if command.get("dst_ports") else None
    prefix = bytes.fromhex(command.get("prefix") or "")
    count = int(command["count"])
    deadline = time.monotonic() + int(command["timeout_ms"]) / 1000.0
    found = []
    with socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL)) as sniffer:
        sniffer.bind((interface, ETH_P_ALL))
        while len(found) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sniffer.settimeout(remaining)
            try:
                frame, address = sniffer.recvfrom(65_535)
            except socket.timeout:
                break
            if address[2] == PACKET_OUTGOING:
                continue  # on loopback every packet is seen twice: going out and coming in
            if len(frame) < ETHERNET_HEADER + 20 or struct.unpack("!H", frame[12:14])[0] != ETH_P_IP:
                continue
            ip = frame[ETHERNET_HEADER:]
            header_length = (ip[0] & 0x0F) * 4
            total_length = struct.unpack("!H", ip[2:4])[0]
            fragment = struct.unpack("!H", ip[6:8])[0] & 0x3FFF
            if ip[0] >> 4 != 4 or ip[9] != IPPROTO_UDP or fragment or total_length > len(ip):
                continue
            udp = ip[header_length:total_length]
            if len(udp) < 8:
                continue
            src_port, dst_port, udp_length = struct.unpack("!HHH", udp[:6])
            payload = udp[8:udp_length]
            if src_ports is not None and src_port not in src_ports:
                continue
            if dst_ports is not None and dst_port not in dst_ports:
                continue
            if not payload.startswith(prefix):
                continue
            found.append([socket.inet_ntoa(ip[12:16]), src_port, socket.inet_ntoa(ip[16:20]), dst_port,
                          payload.hex()])
    return {"ok": True, "packets": found}


def answer(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    try:
        raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
        # the packet socket of "capture" needs the same privilege: check it now, once
        socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL)).close()
    except (OSError, AttributeError) as e:
        answer({"ready": False, "reason": "no raw socket (%s: %s); it needs root or CAP_NET_RAW, running as uid %d"
                % (type(e).__name__, e, os.getuid())})
        return
    answer({"ready": True})
    state = {"ident": os.getpid() & 0xFFFF}
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            command = json.loads(line)
            if command["op"] == "send":
                answer(send(raw, command, state))
            elif command["op"] == "capture":
                answer(capture(command))
            else:
                answer({"ok": False, "error": "unknown op %r" % command["op"]})
        except Exception as e:  # noqa: BLE001 - every failure is reported to the caller, which fails the test
            answer({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})


if __name__ == "__main__":
    main()
