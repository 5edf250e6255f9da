package org.cusax.sip.net;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A plain client socket whose input is watched: end of stream or a read error marks its {@link Flow}
 * closed, and received bytes are counted. TLS is layered on top of it, so this sees the raw records.
 * A plain TCP connection (nothing layered on it) may also be screened like an accepted one
 * ({@link ScreenedConnection}): each whole message goes to {@link RequestRefusals} first, and one it refuses is
 * answered on this connection instead of reaching the stack, which would close it (our registration flow).
 */
public final class ObservedSocket extends Socket {
    private final RequestRefusals refusals;
    private final int maxFrame;
    private Flow flow;
    private InputStream in;

    private ObservedSocket(RequestRefusals refusals, int maxFrame) {
        // see connect()
        this.refusals = refusals;
        this.maxFrame = maxFrame;
    }

    /**
     * Opens a connection.
     *
     * @param bindAddress local address to bind (null for any), port chosen by the system
     */
    public static ObservedSocket connect(FlowMonitor monitor, InetSocketAddress remote,
                                         java.net.InetAddress bindAddress, int timeoutMillis) throws IOException {
        return connect(monitor, remote, bindAddress, timeoutMillis, null, 0);
    }

    /**
     * Opens a plain TCP connection whose input is screened: each whole message up to {@code maxFrame} bytes goes
     * to {@code refusals} (when not null) first, and one it refuses is answered here without reaching the stack.
     * Not for a connection TLS is layered on (the screen would see encrypted records).
     */
    public static ObservedSocket connect(FlowMonitor monitor, InetSocketAddress remote,
                                         java.net.InetAddress bindAddress, int timeoutMillis,
                                         RequestRefusals refusals, int maxFrame) throws IOException {
        ObservedSocket s = new ObservedSocket(refusals, maxFrame);
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
            InputStream watched = new Watched(super.getInputStream());
            // buffered under the screen: it frames byte by byte
            in = refusals == null ? watched : new FramedRequestStream(new BufferedInputStream(watched), maxFrame,
                    FramedRequestStream.answering(refusals, this::getOutputStream));
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
