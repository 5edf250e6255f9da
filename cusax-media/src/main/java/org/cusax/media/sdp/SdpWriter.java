package org.cusax.media.sdp;

/** Writes a {@link SessionDescription} as SDP text (RFC 4566 field order, CRLF line ends). */
final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    static String write(SessionDescription sd) {
        StringBuilder b = new StringBuilder(512);
        Origin o = sd.origin();
        String sessionAddress = sd.media().isEmpty() ? o.address() : sd.media().get(0).address();
        line(b, "v=0");
        line(b, "o=" + o.username() + " " + o.sessionId() + " " + o.sessionVersion() + " " + connection(o.address()));
        line(b, "s=" + sd.sessionName());
        line(b, "c=" + connection(sessionAddress));
        line(b, "t=0 0");
        for (MediaDescription m : sd.media()) {
            media(b, m, sessionAddress);
        }
        return b.toString();
    }

    private static void media(StringBuilder b, MediaDescription m, String sessionAddress) {
        line(b, "m=" + m.media() + " " + m.port() + " " + m.protocol() + " " + String.join(" ", m.formats()));
        if (m.isRejected()) {
            return;
        }
        if (!m.address().equals(sessionAddress)) {
            line(b, "c=" + connection(m.address()));
        }
        for (PayloadFormat f : m.payloadFormats()) {
            line(b, "a=rtpmap:" + f.payloadType() + " " + f.rtpmap());
            if (!f.fmtp().isEmpty()) {
                line(b, "a=fmtp:" + f.payloadType() + " " + f.fmtp());
            }
        }
        if (m.rtcpPort() > 0) {
            line(b, "a=rtcp:" + m.rtcpPort());
        }
        if (m.rtcpMux()) {
            line(b, "a=rtcp-mux");
        }
        for (CryptoAttribute c : m.crypto()) {
            line(b, "a=crypto:" + c.value());
        }
        if (m.ptime() > 0) {
            line(b, "a=ptime:" + m.ptime());
        }
        line(b, "a=" + m.direction().attribute());
    }

    private static String connection(String address) {
        return "IN " + (address.indexOf(':') >= 0 ? "IP6 " : "IP4 ") + address;
    }

    private static void line(StringBuilder b, String s) {
        b.append(s).append(CRLF);
    }
}
