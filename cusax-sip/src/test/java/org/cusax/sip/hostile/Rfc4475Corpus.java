package org.cusax.sip.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cusax.core.account.Transport;

/**
 * The 49 RFC 4475 torture messages byte for byte as the RFC's Appendix A archive gives them (resources
 * {@code rfc4475/*.dat}, see the README there), each with what RFC 4475 says a receiving endpoint does with it.
 */
public final class Rfc4475Corpus {
    /** What the RFC allows for one message. */
    public enum Kind {
        /** one of the listed final responses */
        CODE,
        /** parsed and handed to the application: a final response that is not 400 and not 500/503 */
        HANDLED,
        /** rejected with one of the listed codes, or, being "liberal in what it accepts", handled */
        CODE_OR_HANDLED,
        /** never answered: a response (no transaction of ours matches), discarded */
        DROPPED,
        /** one of the listed codes, or no answer at all (the RFC allows closing or discarding) */
        CODE_OR_DROPPED
    }

    /** One message: RFC 4475 section, file name, bytes, and the outcome the RFC gives per transport. */
    public record Message(String section, String name, byte[] bytes, Kind kind, Set<Integer> codes, Kind tcpKind) {
        public Optional<String> callId() {
            Matcher m = Pattern.compile("(?im)^(?:Call-ID|i)[ \\t]*:[ \\t]*(\\S+)")
                    .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** The top Via's branch, lower case ("" when there is none: an RFC 2543 request). */
        public String branch() {
            Matcher m = Pattern.compile("(?i)branch\\s*=\\s*([^;,\\s]*)")
                    .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        }

        public Kind kind(Transport transport) {
            return transport == Transport.UDP ? kind : tcpKind;
        }

        /** Whether {@code status} (empty: no final response) is what RFC 4475 allows on {@code transport}. */
        public boolean allows(Transport transport, Optional<Integer> status) {
            boolean handled = status.isPresent() && status.get() != 400 && status.get() != 500 && status.get() != 503;
            return switch (kind(transport)) {
                case CODE -> status.isPresent() && codes.contains(status.get());
                case HANDLED -> handled;
                case CODE_OR_HANDLED -> handled || status.isPresent() && codes.contains(status.get());
                case DROPPED -> status.isEmpty();
                case CODE_OR_DROPPED -> status.isEmpty() || codes.contains(status.get());
            };
        }

        public String expectation(Transport transport) {
            return kind(transport) + (codes.isEmpty() ? "" : " " + codes)
                    + (DEVIATIONS.containsKey(name) ? " (deviation: " + DEVIATIONS.get(name) + ")" : "");
        }
    }

    /** Where we knowingly answer otherwise than RFC 4475 says, and why. */
    public static final java.util.Map<String, String> DEVIATIONS = java.util.Map.of("inv2543",
            "RFC 2543 INVITE without Max-Forwards and Contact: refused 400 (JAIN-SIP makes no transaction without"
                    + " Max-Forwards; without a Contact the call has no remote target, RFC 3261 §8.1.1.8)");

    private Rfc4475Corpus() {
    }

    public static List<Message> all() {
        List<Message> m = new ArrayList<>();
        // 3.1.1 valid messages
        m.add(of("3.1.1.1", "wsinv", Kind.HANDLED));
        m.add(of("3.1.1.2", "intmeth", Kind.CODE, 501));
        m.add(of("3.1.1.3", "esc01", Kind.HANDLED));
        m.add(of("3.1.1.4", "escnull", Kind.HANDLED));
        m.add(of("3.1.1.5", "esc02", Kind.CODE, 501));
        m.add(of("3.1.1.6", "lwsdisp", Kind.CODE, 200));
        m.add(of("3.1.1.7", "longreq", Kind.HANDLED));
        m.add(of("3.1.1.8", "dblreq", Kind.HANDLED));
        m.add(of("3.1.1.9", "semiuri", Kind.CODE, 200));
        m.add(of("3.1.1.10", "transports", Kind.CODE, 200));
        m.add(of("3.1.1.11", "mpart01", Kind.HANDLED));
        m.add(of("3.1.1.12", "unreason", Kind.DROPPED));
        m.add(of("3.1.1.13", "noreason", Kind.DROPPED));
        // 3.1.2 invalid messages
        m.add(of("3.1.2.1", "badinv01", Kind.CODE, 400));
        // over a stream the receiver waits for the missing body (RFC 3261 §18.3) until its read timeout
        m.add(new Message("3.1.2.2", "clerr", load("clerr"), Kind.CODE, Set.of(400), Kind.CODE_OR_DROPPED));
        // "should respond with an error"; over TCP "the connection should be closed"
        m.add(new Message("3.1.2.3", "ncl", load("ncl"), Kind.CODE, Set.of(400), Kind.CODE_OR_DROPPED));
        m.add(of("3.1.2.4", "scalar02", Kind.CODE, 400));
        m.add(of("3.1.2.5", "scalarlg", Kind.DROPPED));
        m.add(of("3.1.2.6", "quotbal", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.7", "ltgtruri", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.8", "lwsruri", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.9", "lwsstart", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.10", "trws", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.11", "escruri", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.12", "baddate", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.13", "regbadct", Kind.CODE_OR_HANDLED, 400));
        m.add(of("3.1.2.14", "badaspec", Kind.CODE_OR_HANDLED, 400));
        // the file as carried ends without the empty line after its headers: whole as a datagram, but an
        // unfinished message on a stream, where the receiver waits for the rest (RFC 3261 §18.3)
        m.add(new Message("3.1.2.15", "baddn", load("baddn"), Kind.CODE, Set.of(400), Kind.CODE_OR_DROPPED));
        m.add(of("3.1.2.16", "badvers", Kind.CODE, 505));
        m.add(of("3.1.2.17", "mismatch01", Kind.CODE, 400));
        m.add(of("3.1.2.18", "mismatch02", Kind.CODE, 501, 400));
        m.add(of("3.1.2.19", "bigcode", Kind.DROPPED));
        // 3.2 transaction layer
        m.add(of("3.2.1", "badbranch", Kind.CODE_OR_HANDLED, 400));
        // 3.3 application layer
        m.add(of("3.3.1", "insuf", Kind.CODE, 400));
        m.add(of("3.3.2", "unkscm", Kind.CODE, 416));
        m.add(of("3.3.3", "novelsc", Kind.CODE, 416));
        m.add(of("3.3.4", "unksm2", Kind.HANDLED));
        m.add(of("3.3.5", "bext01", Kind.CODE, 420));
        m.add(of("3.3.6", "invut", Kind.CODE, 415));
        m.add(of("3.3.7", "regaut01", Kind.HANDLED));
        m.add(of("3.3.8", "multi01", Kind.CODE, 400));
        m.add(of("3.3.9", "mcl01", Kind.CODE, 400));
        m.add(of("3.3.10", "bcast", Kind.DROPPED));
        m.add(of("3.3.11", "zeromf", Kind.CODE, 200));
        m.add(of("3.3.12", "cparam01", Kind.HANDLED));
        m.add(of("3.3.13", "cparam02", Kind.HANDLED));
        m.add(of("3.3.14", "regescrt", Kind.HANDLED));
        m.add(of("3.3.15", "sdp01", Kind.CODE, 406));
        // 3.4 backward compatibility
        // DEVIATION: RFC 4475 wants this RFC 2543 INVITE handled; we refuse it 400, see DEVIATIONS
        m.add(of("3.4.1", "inv2543", Kind.CODE, 400));
        return m;
    }

    private static Message of(String section, String name, Kind kind, Integer... codes) {
        return new Message(section, name, load(name), kind, Set.of(codes), kind);
    }

    private static byte[] load(String name) {
        try (InputStream in = Rfc4475Corpus.class.getResourceAsStream("rfc4475/" + name + ".dat")) {
            if (in == null) {
                throw new IllegalStateException("missing RFC 4475 message " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
