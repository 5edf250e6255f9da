package org.cusax.bench.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelIndex;
import org.cusax.core.contact.TelSource;

/**
 * Deterministic contact books of any size, with addresses written the ways real vCards and reachability
 * elements write them. Contact {@code i} ({@code user<i>@cusax.test}) has:
 * <ul>
 *   <li>vcard-temp: a national mobile {@code 06 12 34 xx xx} and an E.164 work number {@code +33 1 40 ..};
 *       every fourth contact also a home number with the {@code 0033} prefix ({@code 0033 4 78 ..});</li>
 *   <li>vCard4 (every other contact): a {@code tel:+33-9-72-..} URI;</li>
 *   <li>reachability in presence: {@code sip:user<i>@cusax.test}, and for every third contact also its
 *       mobile as {@code sip:+336..@cusax.test;user=phone}.</li>
 * </ul>
 * The contact in the middle of the book ({@link #knownIndex}) owns the mobile {@link #KNOWN_E164}, the
 * caller ID the lookup benchmarks resolve. All mobiles are distinct, so that number has exactly one owner.
 */
public final class ContactFixtures {
    /** The XMPP and SIP domain of every fixture address. */
    public static final String DOMAIN = "cusax.test";
    /** The region national numbers are read in. */
    public static final String REGION = "FR";
    /** The known caller's mobile, E.164. */
    public static final String KNOWN_E164 = "+33612345678";
    private static final int KNOWN_MOBILE_DIGITS = 12_345_678;

    private ContactFixtures() {
    }

    /** The normalizer every fixture uses. */
    public static AddressNormalizer normalizer() {
        return new AddressNormalizer(REGION);
    }

    /** A book of {@code contacts} roster entries, each with its vCard and reachability addresses. */
    public static ContactBook book(int contacts) {
        ContactBook book = new ContactBook(normalizer());
        for (int i = 0; i < contacts; i++) {
            String jid = jid(i);
            book.putRosterEntry(jid, "User " + i);
            book.setTels(jid, TelSource.VCARD_TEMP, vcardTemp(i, contacts));
            if (i % 2 == 0) {
                book.setTels(jid, TelSource.VCARD4, List.of(RawTel.of(String.format(Locale.ROOT,
                        "tel:+33-9-72-%s", pairs(i, 6, "-")), "voice", "home")));
            }
            book.setTels(jid, TelSource.REACH_PRESENCE, reach(i, contacts));
        }
        return book;
    }

    /** A tel index holding every contact of {@code book}, as {@link ContactBook} maintains its own. */
    public static TelIndex index(ContactBook book, AddressNormalizer normalizer) {
        TelIndex index = new TelIndex(normalizer);
        book.contacts().forEach(index::put);
        return index;
    }

    /** The bare JID of contact {@code i}. */
    public static String jid(int i) {
        return "user" + i + "@" + DOMAIN;
    }

    /** Which contact owns {@link #KNOWN_E164} in a book of that size. */
    public static int knownIndex(int contacts) {
        return contacts / 2;
    }

    /** The vcard-temp TEL list of contact {@code i}, as the XMPP adapter extracts it. */
    public static List<RawTel> vcardTemp(int i, int contacts) {
        List<RawTel> tels = new ArrayList<>();
        tels.add(RawTel.of("06 " + pairs(mobileDigits(i, contacts), 8, " "), "CELL", "VOICE"));
        tels.add(RawTel.of("+33 1 40 " + pairs(i, 6, " "), "WORK", "VOICE"));
        if (i % 4 == 0) {
            tels.add(RawTel.of("0033 4 78 " + pairs(i, 6, " "), "HOME", "VOICE"));
        }
        return tels;
    }

    /** The same list after the contact changed mobile (a vCard update that moves index keys). */
    public static List<RawTel> vcardTempNewMobile(int i) {
        return List.of(RawTel.of("07 " + pairs(50_000_000 + i, 8, " "), "CELL", "VOICE"),
                RawTel.of("+33 1 40 " + pairs(i, 6, " "), "WORK", "VOICE"));
    }

    private static List<RawTel> reach(int i, int contacts) {
        List<RawTel> tels = new ArrayList<>();
        tels.add(RawTel.of("sip:user" + i + "@" + DOMAIN));
        if (i % 3 == 0) {
            tels.add(RawTel.of("sip:+336" + String.format(Locale.ROOT, "%08d", mobileDigits(i, contacts))
                    + "@" + DOMAIN + ";user=phone"));
        }
        return tels;
    }

    /** The last eight digits of contact {@code i}'s mobile: distinct per contact, the known one in the middle. */
    private static int mobileDigits(int i, int contacts) {
        return KNOWN_MOBILE_DIGITS + i - knownIndex(contacts);
    }

    /** The last {@code digits} (even) digits of {@code n} in pairs: (1234, 6, " ") → "00 12 34". */
    private static String pairs(int n, int digits, String separator) {
        String d = String.format(Locale.ROOT, "%0" + digits + "d", n % (int) Math.pow(10, digits));
        StringBuilder out = new StringBuilder(d.substring(0, 2));
        for (int k = 2; k < digits; k += 2) {
            out.append(separator).append(d, k, k + 2);
        }
        return out.toString();
    }
}
