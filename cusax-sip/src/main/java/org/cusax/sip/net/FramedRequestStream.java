package org.cusax.sip.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a SIP stream (RFC 3261 §18.3: header block up to the empty line, then Content-Length bytes) one
 * whole message at a time and offers each to a consumer, which may swallow it; what it does not swallow is
 * passed on byte for byte. Keepalive CRLFs pass on at once. A header block or body larger than
 * {@code maxFrame} is not framed: from then on the rest of the stream passes on unread, and JAIN-SIP's own
 * limits apply.
 */
final class FramedRequestStream extends InputStream {
    /** Takes a whole message; true = it was handled (answered) and must not reach the stack. */
    interface Screen {
        boolean swallow(byte[] message, int length) throws IOException;
    }

    /** Where a refusal is written: the connection's output stream (asked for at the time of the answer). */
    interface Answers {
        java.io.OutputStream stream() throws IOException;
    }

    /** The screen that answers on the connection ({@code out}) what {@code refusals} refuses, and swallows it. */
    static Screen answering(RequestRefusals refusals, Answers out) {
        return (message, length) -> {
            java.util.Optional<byte[]> answer = refusals.refusal(message, 0, length);
            if (answer.isEmpty()) {
                return false;
            }
            java.io.OutputStream stream = out.stream();
            synchronized (stream) {
                stream.write(answer.get());
                stream.flush();
            }
            return true;
        };
    }

    private final InputStream in;
    private final int maxFrame;
    private final Screen screen;
    private byte[] pending = new byte[0];
    private int position;
    private boolean passThrough;

    FramedRequestStream(InputStream in, int maxFrame, Screen screen) {
        this.in = in;
        this.maxFrame = maxFrame;
        this.screen = screen;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position >= pending.length) {
            if (passThrough) {
                return in.read(b, off, len);
            }
            if (!nextFrame()) {
                return -1;
            }
        }
        int n = Math.min(len, pending.length - position);
        System.arraycopy(pending, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return pending.length - position > 0 ? pending.length - position : passThrough ? in.available() : 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next message (or keepalive) into {@code pending}; false at the end of the stream. */
    private boolean nextFrame() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c = in.read();
        if (c < 0) {
            return false;
        }
        if (c == '\r' || c == '\n') {
            set(new byte[] {(byte) c});
            return true;
        }
        head.write(c);
        int matched = 0;
        while (matched < 4) {
            c = in.read();
            if (c < 0) {
                set(head.toByteArray()); // cut off: JAIN-SIP sees what came
                return true;
            }
            head.write(c);
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
            if (head.size() > maxFrame) {
                passThrough = true;
                set(head.toByteArray());
                return true;
            }
        }
        int length = contentLength(head.toString(StandardCharsets.ISO_8859_1));
        if (length < 0 || length > maxFrame) {
            passThrough = true;
            set(head.toByteArray());
            return true;
        }
        byte[] body = in.readNBytes(length);
        head.write(body);
        byte[] message = head.toByteArray();
        if (body.length == length && screen.swallow(message, message.length)) {
            set(new byte[0]);
        } else {
            set(message);
        }
        return true;
    }

    private void set(byte[] bytes) {
        pending = bytes;
        position = 0;
    }

    /** The Content-Length (or compact {@code l}) of a header block; 0 when absent, -1 when unreadable. */
    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("l")) {
                try {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return 0;
    }
}
