package org.cusax.sip.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 3261 §18.3 framing on a stream: pipelined messages, bodies, keepalive CRLFs, a swallowed message. */
class FramedRequestStreamTest {
    private static final String FIRST = "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: 1\r\nContent-Length: 4\r\n\r\nbody";
    private static final String BAD = "INVITE sip:a@b SIP/2.0\r\nCall-ID: 2\r\nl: 0\r\n\r\n";
    private static final String LAST = "BYE sip:a@b SIP/2.0\r\nCall-ID: 3\r\n\r\n";

    @Test
    void pipelinedMessagesPassOnWholeAndAScreenedOneIsSwallowed() throws Exception {
        String wire = "\r\n\r\n" + FIRST + BAD + LAST;
        List<String> seen = new ArrayList<>();
        FramedRequestStream in = new FramedRequestStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)),
                1000, (message, length) -> {
                    String m = new String(message, 0, length, StandardCharsets.ISO_8859_1);
                    seen.add(m);
                    return m.contains("Call-ID: 2");
                });
        String passed = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(seen).containsExactly(FIRST, BAD, LAST);
        assertThat(passed).isEqualTo("\r\n\r\n" + FIRST + LAST);
    }

    @Test
    void aFrameLargerThanTheLimitPassesOnUnscreenedWithTheRestOfTheStream() throws Exception {
        String big = "OPTIONS sip:a@b SIP/2.0\r\nX: " + "x".repeat(200) + "\r\n\r\n";
        List<String> seen = new ArrayList<>();
        FramedRequestStream in = new FramedRequestStream(new ByteArrayInputStream((big + LAST)
                .getBytes(StandardCharsets.ISO_8859_1)), 100, (message, length) -> seen.add("x"));
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo(big + LAST);
        assertThat(seen).isEmpty();
    }
}
