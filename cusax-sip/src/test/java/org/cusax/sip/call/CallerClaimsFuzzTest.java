package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sip.SipFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.CallerBinding;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;

/**
 * Fuzz targets (Jazzer) for what an INVITE claims about its caller (RFC 3261 §20.10 Contact, RFC 3325
 * P-Asserted-Identity, RFC 6993 Call-Info, RFC 7081 §5): whatever header block JAIN-SIP accepts, reading the
 * claims and binding them to a contact never throws, and every xmpp: claim is one the header really held.
 */
class CallerClaimsFuzzTest {
    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();
    private static final MessageFactory MESSAGES = messages();
    private final CallerClaimsReader reader = new CallerClaimsReader(Set.of(PROXY));
    private final CallerBinding binding = new CallerBinding(contacts());

    /** The fuzzer's bytes are header lines of an otherwise valid INVITE. */
    @FuzzTest(maxDuration = "60s")
    void claimsFromAnyHeaderBlock(byte[] input) {
        String headers = new String(input, StandardCharsets.UTF_8);
        Request invite;
        try {
            invite = MESSAGES.createRequest("INVITE sip:alice@cusax.test SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "To: <sip:alice@cusax.test>\r\n"
                    + "Call-ID: c1@127.0.0.1\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + headers.replace("\r", "").replace("\n", "\r\n").strip() + "\r\n"
                    + "Content-Length: 0\r\n\r\n");
        } catch (ParseException | RuntimeException refusedByTheStack) {
            return; // the stack answers 400 to what it cannot parse: not our reader's input
        }
        if (invite.getHeader("From") == null) {
            return;
        }
        CallerClaims claims = reader.read(invite, Optional.of(PROXY));
        for (String uri : claims.callInfoImpp()) {
            assertThat(uri.toLowerCase(java.util.Locale.ROOT)).startsWith("xmpp:");
        }
        CallerIdentity identity = binding.bind(claims);
        assertThat(identity).isNotNull();
    }

    /** The comma/quote/angle splitter alone, on any text: never throws, never yields an empty URI. */
    @FuzzTest(maxDuration = "60s")
    void entriesOfAnyValue(byte[] input) {
        for (CallerClaimsReader.Entry e : CallerClaimsReader.entries(new String(input, StandardCharsets.UTF_8))) {
            assertThat(e.uri()).isNotEmpty();
            e.param("purpose");
        }
    }

    private static ContactBook contacts() {
        ContactBook book = new ContactBook(new AddressNormalizer("FR"));
        book.putRosterEntry("bob@cusax.test", "Bob");
        book.setTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL")));
        book.putRosterEntry("carol@cusax.test", "Carol");
        book.setTels("carol@cusax.test", TelSource.REACH_PRESENCE, List.of(RawTel.of("sip:carol@cusax.test")));
        return book;
    }

    private static MessageFactory messages() {
        try {
            return SipFactory.getInstance().createMessageFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }
}
