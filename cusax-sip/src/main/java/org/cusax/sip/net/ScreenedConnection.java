package org.cusax.sip.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * An accepted TCP connection whose input JAIN-SIP reads through a {@link FramedRequestStream}: each whole
 * message is shown to {@link RequestRefusals} first, and one it refuses is answered on this connection
 * instead of reaching the stack (which would close the connection without a word).
 */
final class ScreenedConnection extends Socket {
    private final RequestRefusals refusals;
    private final int maxFrame;
    private InputStream screened;

    ScreenedConnection(RequestRefusals refusals, int maxFrame) {
        this.refusals = refusals;
        this.maxFrame = maxFrame;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (screened == null) {
            screened = new FramedRequestStream(super.getInputStream(), maxFrame,
                    FramedRequestStream.answering(refusals, this::getOutputStream));
        }
        return screened;
    }
}
