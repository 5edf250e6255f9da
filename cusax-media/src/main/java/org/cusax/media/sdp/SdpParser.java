package org.cusax.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses SDP (RFC 4566) into a {@link SessionDescription}. Strict where it matters (every line is
 * {@code <letter>=<value>}, {@code v=0} first, {@code o=} present, well-formed {@code m=}/{@code c=}, a
 * connection address for every active stream) and lenient where real peers differ (LF or CRLF line ends,
 * unknown lines and attributes ignored, {@code a=crypto} lines we cannot parse skipped, as RFC 4568 §7.1
 * has answerers do). Every error is an {@link SdpParseException} naming the line; never another exception.
 */
public final class SdpParser {
    /** Longest body accepted. */
    public static final int MAX_LENGTH = 64 * 1024;
    private static final int MAX_MEDIA = 16;

    private SdpParser() {
    }

    /** Parses {@code sdp}. */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpParseException("empty SDP body");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpParseException("SDP body of " + sdp.length() + " characters exceeds " + MAX_LENGTH);
        }
        try {
            return new SdpParser.Run(sdp).parse();
        } catch (IllegalArgumentException e) {
            throw new SdpParseException("invalid SDP: " + e.getMessage());
        }
    }

    /** One parse: the session-level state and the media sections being collected. */
    private static final class Run {
        private final String[] lines;
        private int lineNo;
        private Origin origin;
        private String sessionName = "-";
        private String sessionAddress;
        private Direction sessionDirection = Direction.SENDRECV;
        private final List<Section> sections = new ArrayList<>();

        Run(String sdp) {
            this.lines = sdp.split("\r?\n");
        }

        SessionDescription parse() throws SdpParseException {
            boolean first = true;
            for (lineNo = 1; lineNo <= lines.length; lineNo++) {
                String line = lines[lineNo - 1].strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                    throw error("is not <type>=<value>: '" + shorten(line) + "'");
                }
                char type = line.charAt(0);
                String value = line.substring(2);
                if (first) {
                    if (type != 'v' || !value.strip().equals("0")) {
                        throw error("must be v=0, got '" + shorten(line) + "'");
                    }
                    first = false;
                    continue;
                }
                field(type, value);
            }
            if (origin == null) {
                throw new SdpParseException("SDP has no o= line");
            }
            List<MediaDescription> media = new ArrayList<>();
            for (Section s : sections) {
                media.add(s.build(sessionAddress, sessionDirection));
            }
            return new SessionDescription(origin, sessionName, media);
        }

        private void field(char type, String value) throws SdpParseException {
            Section current = sections.isEmpty() ? null : sections.get(sections.size() - 1);
            switch (type) {
                case 'o' -> origin = origin(value);
                case 's' -> sessionName = value.isBlank() ? "-" : value.strip();
                case 'c' -> {
                    String address = connection(value);
                    if (current == null) {
                        sessionAddress = address;
                    } else {
                        current.address = address;
                    }
                }
                case 'm' -> {
                    if (sections.size() == MAX_MEDIA) {
                        throw error("more than " + MAX_MEDIA + " m-lines");
                    }
                    sections.add(mediaLine(value));
                }
                case 'a' -> attribute(current, value);
                default -> {
                    // t=, b=, i=, k=, ... and unknown letters carry nothing we use.
                }
            }
        }

        private Origin origin(String value) throws SdpParseException {
            String[] f = value.strip().split("\\s+");
            if (f.length != 6 || !"IN".equals(f[3])) {
                throw error("o= needs '<user> <id> <version> IN <IP4|IP6> <address>', got '" + shorten(value) + "'");
            }
            try {
                return new Origin(f[0], f[1], f[2], f[5]);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private String connection(String value) throws SdpParseException {
            String[] f = value.strip().split("\\s+");
            if (f.length != 3 || !"IN".equals(f[0]) || !("IP4".equals(f[1]) || "IP6".equals(f[1]))) {
                throw error("c= needs 'IN <IP4|IP6> <address>', got '" + shorten(value) + "'");
            }
            String address = f[2].split("/")[0];
            if (address.isEmpty()) {
                throw error("c= has an empty address");
            }
            return address;
        }

        private Section mediaLine(String value) throws SdpParseException {
            String[] f = value.strip().split("\\s+");
            if (f.length < 4) {
                throw error("m= needs '<media> <port> <proto> <format>...', got '" + shorten(value) + "'");
            }
            Section s = new Section(lineNo, f[0], parsePort(f[1].split("/")[0], "m= port"), f[2]);
            for (int i = 3; i < f.length; i++) {
                if (s.isRtp()) {
                    int pt = parseInt(f[i], "payload type");
                    if (pt > 127) {
                        throw error("payload type " + pt + " is above 127");
                    }
                }
                s.formats.add(f[i]);
            }
            return s;
        }

        private void attribute(Section s, String value) throws SdpParseException {
            int colon = value.indexOf(':');
            String name = (colon < 0 ? value : value.substring(0, colon)).strip();
            String arg = colon < 0 ? "" : value.substring(colon + 1).strip();
            var direction = Direction.fromAttribute(name);
            if (direction.isPresent()) {
                if (s == null) {
                    sessionDirection = direction.get();
                } else {
                    s.direction = direction.get();
                }
                return;
            }
            if (s == null) {
                return;
            }
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "rtpmap" -> rtpmap(s, arg);
                case "fmtp" -> {
                    String[] f = arg.split("\\s+", 2);
                    s.fmtp.put(parseInt(f[0], "a=fmtp payload type"), f.length > 1 ? f[1] : "");
                }
                case "ptime" -> s.ptime = parseInt(arg, "a=ptime");
                case "rtcp-mux" -> s.rtcpMux = true;
                case "rtcp" -> s.rtcpPort = parsePort(arg.split("\\s+")[0], "a=rtcp port");
                case "crypto" -> {
                    try {
                        s.crypto.add(CryptoAttribute.parse(arg));
                    } catch (IllegalArgumentException e) {
                        // RFC 4568 §7.1: an unusable crypto line is ignored, the others may still do.
                    }
                }
                default -> {
                    // Other attributes (ssrc, label, rtcp-rsize, minptime, ...) are not used.
                }
            }
        }

        private void rtpmap(Section s, String arg) throws SdpParseException {
            String[] f = arg.split("\\s+", 2);
            if (f.length != 2) {
                throw error("a=rtpmap needs '<pt> <name>/<clock>[/<channels>]', got '" + shorten(arg) + "'");
            }
            int pt = parseInt(f[0], "a=rtpmap payload type");
            String[] enc = f[1].strip().split("/");
            if (enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
                throw error("a=rtpmap encoding must be <name>/<clock>[/<channels>], got '" + shorten(f[1]) + "'");
            }
            int clock = parseInt(enc[1], "a=rtpmap clock rate");
            int channels = enc.length == 3 ? parseInt(enc[2], "a=rtpmap channels") : 1;
            try {
                s.rtpmap.put(pt, new PayloadFormat(pt, enc[0], clock, channels, ""));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private int parsePort(String text, String what) throws SdpParseException {
            int port = parseInt(text, what);
            if (port > 65535) {
                throw error(what + " " + port + " is above 65535");
            }
            return port;
        }

        private int parseInt(String text, String what) throws SdpParseException {
            String t = text.strip();
            if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
                throw error(what + " '" + shorten(text) + "' is not a number");
            }
            return Integer.parseInt(t);
        }

        private SdpParseException error(String what) {
            return new SdpParseException("SDP line " + lineNo + ": " + what);
        }

        private static String shorten(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }

    /** The attributes of one m-line as they are read. */
    private static final class Section {
        final int lineNo;
        final String media;
        final int port;
        final String protocol;
        final List<String> formats = new ArrayList<>();
        final Map<Integer, PayloadFormat> rtpmap = new LinkedHashMap<>();
        final Map<Integer, String> fmtp = new LinkedHashMap<>();
        final List<CryptoAttribute> crypto = new ArrayList<>();
        String address;
        Direction direction;
        int ptime;
        boolean rtcpMux;
        int rtcpPort;

        Section(int lineNo, String media, int port, String protocol) {
            this.lineNo = lineNo;
            this.media = media;
            this.port = port;
            this.protocol = protocol;
        }

        boolean isRtp() {
            return protocol.toUpperCase(java.util.Locale.ROOT).contains("RTP/");
        }

        MediaDescription build(String sessionAddress, Direction sessionDirection) throws SdpParseException {
            String effective = address != null ? address : sessionAddress;
            if (effective == null) {
                if (port != 0) {
                    throw new SdpParseException("SDP line " + lineNo + ": m=" + media
                            + " has no connection address (c=) at media or session level");
                }
                effective = "0.0.0.0";
            }
            List<PayloadFormat> resolved = new ArrayList<>();
            if (isRtp()) {
                for (String fmt : formats) {
                    int pt = Integer.parseInt(fmt);
                    PayloadFormat f = rtpmap.containsKey(pt) ? rtpmap.get(pt) : PayloadFormat.staticType(pt).orElse(null);
                    if (f != null) {
                        resolved.add(fmtp.containsKey(pt) ? new PayloadFormat(pt, f.encodingName(), f.clockRate(),
                                f.channels(), fmtp.get(pt)) : f);
                    }
                }
            }
            return new MediaDescription(media, port, protocol, formats, resolved, effective,
                    direction != null ? direction : sessionDirection, ptime, rtcpMux, rtcpPort, crypto);
        }
    }
}
