package org.cusax.sandbox.xmpp.server;

import java.nio.charset.StandardCharsets;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;

/**
 * Answers the client's {@code </stream:stream>} with ours and closes the connection (RFC 6120 §4.4).
 * Vysper 0.7's decoder ignores the end of the stream ("TODO handle"), so a client that closes cleanly
 * waits for its timeout before it drops the socket. Sits between TLS and the XMPP decoder, sees the
 * plain bytes, and lets everything before the closing tag be handled first. The closing tag cannot
 * appear elsewhere in a stream: {@code <} is always escaped in character data.
 */
final class StreamEndFilter extends IoFilterAdapter {
    private static final String END = "</stream:stream>";
    private static final String TAIL = StreamEndFilter.class.getName() + ".tail";

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        boolean ended = false;
        if (message instanceof IoBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            String tail = (String) session.getAttribute(TAIL, "");
            String seen = tail + new String(bytes, StandardCharsets.ISO_8859_1);
            ended = seen.contains(END);
            session.setAttribute(TAIL, seen.substring(Math.max(0, seen.length() - END.length())));
        }
        next.messageReceived(session, message);
        if (ended && !session.isClosing()) {
            IoBuffer end = IoBuffer.wrap(END.getBytes(StandardCharsets.US_ASCII));
            next.filterWrite(session, new DefaultWriteRequest(end));
            session.close(false);
        }
    }
}
