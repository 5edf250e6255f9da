package org.cusax.sip.processor;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sip.SipFactory;
import javax.sip.message.Response;

/** Test helper: a raw UDP SIP peer that sends one request and returns the final response. */
final class UdpPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final int targetPort;

    UdpPeer(int targetPort) throws Exception {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.socket.setSoTimeout(5000);
        this.targetPort = targetPort;
    }

    Response send(String method) throws Exception {
        String branch = "z9hG4bK" + UUID.randomUUID();
        String request = method + " sip:alice@127.0.0.1:" + targetPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "From: <sip:bob@example.org>;tag=peer1\r\n"
                + "To: <sip:alice@cusax.test>\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + (method.equals("SUBSCRIBE") || method.equals("PUBLISH") ? "Event: presence\r\n" : "")
                + "Contact: <sip:bob@127.0.0.1:" + socket.getLocalPort() + ">\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), targetPort));
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no final response to " + method, e);
            }
            Response r = SipFactory.getInstance().createMessageFactory()
                    .createResponse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            if (r.getStatusCode() >= 200) {
                return r;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
