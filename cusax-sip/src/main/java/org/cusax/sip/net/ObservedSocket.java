package org.cusax.sip.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A plain client socket whose input is watched: end of stream or a read error marks its {@link Flow}
 * closed, and received bytes are counted. TLS is layered on top of it, so this sees the raw records.
 */
public final class ObservedSocket extends Socket {
    private Flow flow;
    private InputStream in;

    private ObservedSocket() {
        // see connect()
    }

    /**
     * Opens a connection.
     *
     * @param bindAddress local address to bind (null for any), port chosen by the system
     */
    public static ObservedSocket connect(FlowMonitor monitor, InetSocketAddress remote,
                                         java.net.InetAddress bindAddress, int timeoutMillis) throws IOException {
        ObservedSocket s = new ObservedSocket();
        try {
            s.setTcpNoDelay(true);
            if (bindAddress != null) {
                s.bind(new InetSocketAddress(bindAddress, 0));
            }
            s.connect(remote, timeoutMillis);
        } catch (IOException e) {
            s.closeQuietly();
            throw e;
        }
        s.flow = monitor.register(s);
        return s;
    }

    public Flow flow() {
        return flow;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new Watched(super.getInputStream());
        }
        return in;
    }

    @Override
    public synchronized void close() throws IOException {
        super.close();
        if (flow != null) {
            flow.markClosed("socket closed");
        }
    }

    private void closeQuietly() {
        try {
            super.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                flow.markClosed("read failed: " + e.getMessage());
                throw e;
            }
            if (n < 0) {
                flow.markClosed("closed by the server");
            } else {
                flow.received(n);
            }
            return n;
        }
    }
}
