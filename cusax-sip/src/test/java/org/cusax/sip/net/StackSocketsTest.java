package org.cusax.sip.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

/**
 * The register of one stack's sockets: listeners register what they accept, and what is still open
 * when the stack has stopped is closed, after which nothing new is let in.
 */
class StackSocketsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aConnectionAcceptedByAPlainListenerIsClosedWithTheRest() throws Exception {
        StackSockets sockets = new StackSockets("plain");
        ServerSocket listener = sockets.listen(0, 0, LOOPBACK);
        try (Socket peer = new Socket(LOOPBACK, listener.getLocalPort())) {
            Socket accepted = listener.accept();
            DatagramSocket udp = sockets.add(new DatagramSocket(0, LOOPBACK));
            assertThat(sockets.openCount()).isEqualTo(3);

            assertThat(sockets.closeRemaining()).isEqualTo(3);

            assertThat(accepted.isClosed()).isTrue();
            assertThat(listener.isClosed()).isTrue();
            assertThat(udp.isClosed()).isTrue();
            peer.setSoTimeout(5_000);
            assertThat(peer.getInputStream().read()).as("the peer sees its connection end").isEqualTo(-1);
        }
    }

    @Test
    void aConnectionAcceptedByATlsListenerIsAnSslSocketAndIsClosedWithTheRest() throws Exception {
        StackSockets sockets = new StackSockets("tls");
        SSLServerSocket bound = (SSLServerSocket) SSLContext.getDefault().getServerSocketFactory()
                .createServerSocket(0, 0, LOOPBACK);
        SSLServerSocket listener = sockets.listen(bound);
        listener.setNeedClientAuth(false);
        assertThat(listener.getLocalPort()).isEqualTo(bound.getLocalPort());
        assertThat(listener.getInetAddress()).isEqualTo(LOOPBACK);
        try (Socket peer = new Socket(LOOPBACK, listener.getLocalPort())) {
            SSLSocket accepted = (SSLSocket) listener.accept();
            assertThat(sockets.openCount()).isEqualTo(2);

            assertThat(sockets.closeRemaining()).isEqualTo(2);

            assertThat(accepted.isClosed()).isTrue();
            assertThat(bound.isClosed()).isTrue();
            peer.setSoTimeout(5_000);
            assertThat(peer.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closedSocketsAreForgottenAndNotCountedAgain() throws Exception {
        StackSockets sockets = new StackSockets("forget");
        DatagramSocket udp = sockets.add(new DatagramSocket(0, LOOPBACK));
        udp.close();
        assertThat(sockets.openCount()).isZero();
        assertThat(sockets.closeRemaining()).isZero();
    }

    @Test
    void afterTheStopNothingNewIsOpenedOrAccepted() throws Exception {
        StackSockets sockets = new StackSockets("stopped");
        sockets.closeRemaining();
        assertThatThrownBy(() -> sockets.listen(0, 0, LOOPBACK)).isInstanceOf(SocketException.class)
                .hasMessageContaining("stopped");
        DatagramSocket late = new DatagramSocket(0, LOOPBACK);
        assertThatThrownBy(() -> sockets.add(late)).isInstanceOf(SocketException.class);
        assertThat(late.isClosed()).as("a socket made while the stack stopped is closed, not left open").isTrue();
        try (ServerSocket other = new ServerSocket(0, 0, LOOPBACK);
             Socket peer = new Socket()) {
            peer.connect(new InetSocketAddress(LOOPBACK, other.getLocalPort()));
            assertThatThrownBy(() -> sockets.add(peer)).isInstanceOf(IOException.class);
            assertThat(peer.isClosed()).isTrue();
        }
    }
}
