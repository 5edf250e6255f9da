package org.cusax.sip.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** RFC 5626 §3.5: a flow's failure is noticed when the server closes it; received bytes are counted. */
class ObservedSocketTest {
    @Test
    void countsBytesAndReportsTheServerClosingTheFlow() throws Exception {
        FlowMonitor monitor = new FlowMonitor();
        CompletableFuture<String> closed = new CompletableFuture<>();
        monitor.onClosed((flow, why) -> closed.complete(why));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            ObservedSocket client = ObservedSocket.connect(monitor, remote, null, 2000);
            Flow flow = client.flow();
            assertThat(monitor.find(remote)).contains(flow);
            assertThat(monitor.byLocal((InetSocketAddress) client.getLocalSocketAddress())).contains(flow);
            try (Socket accepted = server.accept()) {
                accepted.getOutputStream().write("\r\n".getBytes());
                InputStream in = client.getInputStream();
                assertThat(in.read(new byte[16], 0, 16)).isEqualTo(2);
                assertThat(flow.bytesReceived()).isEqualTo(2);
            }
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThat(closed.get(2, TimeUnit.SECONDS)).isEqualTo("closed by the server");
            assertThat(flow.isOpen()).isFalse();
            assertThat(monitor.find(remote)).isEmpty();
            client.close();
        }
    }

    @Test
    void closingOurselvesIsReportedOnce() throws Exception {
        FlowMonitor monitor = new FlowMonitor();
        int[] reports = {0};
        monitor.onClosed((flow, why) -> reports[0]++);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ObservedSocket client = ObservedSocket.connect(monitor,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), null, 2000);
            client.flow().close();
            client.close();
            assertThat(reports[0]).isEqualTo(1);
        }
    }
}
