package org.cusax.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.sip.auth.DigestCalculator;

/**
 * Test helper: a scripted registrar on UDP 127.0.0.1. The script sees each new REGISTER (numbered from
 * 0; retransmissions are answered with the same response) and returns the response, or null to stay
 * silent.
 */
final class FakeRegistrar implements AutoCloseable {
    @FunctionalInterface
    interface Script {
        Response answer(FakeRegistrar registrar, Request request, int index) throws Exception;
    }

    final MessageFactory messages;
    final HeaderFactory headers;
    private final DatagramSocket socket;
    private final Thread thread;
    private final List<Request> received = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    private final Map<String, Response> answered = new HashMap<>();
    private volatile Script script;

    FakeRegistrar(Script script) throws Exception {
        this.messages = SipFactory.getInstance().createMessageFactory();
        this.headers = SipFactory.getInstance().createHeaderFactory();
        this.script = script;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::loop, "fake-registrar");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void script(Script next) {
        this.script = next;
    }

    /** Responses to the requests this peer sent with {@link #send(Request, SocketAddress)}. */
    synchronized List<Response> responses() {
        return List.copyOf(responses);
    }

    synchronized List<Request> received() {
        return List.copyOf(received);
    }

    synchronized long count(java.util.function.Predicate<Request> which) {
        return received.stream().filter(which).count();
    }

    /** A response with a To tag and the given extra headers ("Name: value"). */
    Response respond(Request request, int status, String... extraHeaders) throws ParseException {
        Response r = messages.createResponse(status, request);
        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("reg1");
        for (String h : extraHeaders) {
            int colon = h.indexOf(':');
            r.addHeader(headers.createHeader(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        return r;
    }

    /** A 200 OK echoing the request's Contact with {@code ;expires=seconds}. */
    Response ok(Request request, int seconds) throws ParseException {
        Response r = respond(request, 200);
        javax.sip.header.ContactHeader c = (javax.sip.header.ContactHeader) request.getHeader("Contact").clone();
        try {
            c.setExpires(seconds);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
        r.addHeader(c);
        return r;
    }

    /** Whether the request carries a correct digest for {@code user}/{@code password}. */
    static boolean validDigest(Request request, String header, String user, String password) {
        AuthorizationHeader a = (AuthorizationHeader) request.getHeader(header);
        if (a == null || !user.equals(a.getUsername())) {
            return false;
        }
        String nc = a.getQop() == null ? null : String.format("%08x", a.getNonceCount());
        String expected = DigestCalculator.response(a.getAlgorithm() == null ? "MD5" : a.getAlgorithm(), user,
                a.getRealm(), password.toCharArray(), request.getMethod(), a.getURI().toString(), a.getNonce(), nc,
                a.getCNonce(), a.getQop());
        return expected.equals(a.getResponse());
    }

    private void loop() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                if (text.startsWith("SIP/2.0")) {
                    synchronized (this) {
                        responses.add(messages.createResponse(text)); // to a request this peer sent
                    }
                    continue;
                }
                Request request = messages.createRequest(text);
                String branch = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getBranch() + " " + request.getMethod();
                Response response;
                synchronized (this) {
                    if (answered.containsKey(branch)) {
                        response = answered.get(branch);
                    } else {
                        received.add(request);
                        response = script.answer(this, request, received.size() - 1);
                        answered.put(branch, response);
                    }
                }
                if (response != null) {
                    send(response, p.getSocketAddress());
                }
            } catch (IOException e) {
                return;
            } catch (Exception e) {
                // unparsable or script error: ignore this datagram
            }
        }
    }

    /** Sends a request of ours (e.g. a BYE) to {@code to}. */
    void send(Request request, SocketAddress to) throws IOException {
        byte[] bytes = request.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private void send(Response response, SocketAddress to) throws IOException {
        byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Override
    public void close() {
        socket.close();
    }
}
