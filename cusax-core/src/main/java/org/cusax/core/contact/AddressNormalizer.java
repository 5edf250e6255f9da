package org.cusax.core.contact;

import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Turns any telephony address a vCard, a reachability element, a user or a SIP caller ID may hold into
 * its canonical form and index keys (see {@link IndexKeys}). Never throws on bad input: what cannot be
 * understood is {@link AddressKind#UNPARSEABLE}. Thread-safe.
 * <ul>
 *   <li>a phone number (national in the default region, or international with {@code +} or {@code 00},
 *       with separators and an extension) → {@code tel:+E164[;ext=N]};</li>
 *   <li>a {@code tel:} URI (RFC 3966) → the same phone key, or {@code tel:N;phone-context=domain} for a
 *       local number libphonenumber cannot place;</li>
 *   <li>a {@code sip:}/{@code sips:} URI with {@code user=phone} → its user part read as a phone number
 *       (RFC 3261 §19.1.6; the result is a {@code tel:} URI, routed by our own SIP proxy, so a {@code sips:}
 *       scheme there is not carried over); otherwise the canonical SIP URI ({@link SipUri#canonical()}), plus a phone key
 *       when the user part is a plain phone number ({@code sip:+33612345678@example.com});</li>
 *   <li>a name-addr ({@code "Bob" <sip:…>;tag=…}, as in From or P-Asserted-Identity) → its URI;</li>
 *   <li>{@code user@host} without a scheme → read as {@code sip:user@host}. Other schemes
 *       ({@code xmpp:}, {@code mailto:}…) are unparseable.</li>
 * </ul>
 */
public final class AddressNormalizer {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    /** A SIP user part that is just a number: digits and visual separators, optional leading '+'. */
    private static final Pattern NUMERIC_USER = Pattern.compile("\\+?[0-9][0-9\\-.()]*");

    /** Distinct raw addresses remembered with what they normalize to (then the memo starts over). */
    static final int MEMO_LIMIT = 1 << 16;
    /**
     * Version of the rules by which an address is normalized (this class and {@link PhoneNumbers}). Results
     * stored elsewhere (the contact cache) are reused only under the same {@link #rules()}: bump it whenever
     * what {@link #normalize} returns for some input changes. The libphonenumber version is part of the
     * rules by itself (its metadata changes what numbers mean).
     */
    public static final int RULES_VERSION = 1;
    private static final String LIBPHONENUMBER = libphonenumberVersion();

    private final String region;
    private final PhoneNumbers phones;
    /**
     * Raw address → result. Parsing a number with libphonenumber costs microseconds and the same raw
     * strings come back again and again (a contact's TELs are normalized when shown, indexed and looked
     * up; every vCard load repeats them): each distinct string is parsed once. Results are immutable.
     */
    private final Map<String, NormalizedAddress> memo = new ConcurrentHashMap<>();
    private final AtomicLong parses = new AtomicLong();

    /**
     * @param defaultRegion ISO 3166 two-letter region in which national numbers are read, e.g. "FR" or "US"
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public AddressNormalizer(String defaultRegion) {
        String r = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(r)) {
            throw new IllegalArgumentException("'" + defaultRegion
                    + "' is not a known phone region (expected a two-letter country code such as FR or US)");
        }
        this.region = r;
        this.phones = new PhoneNumbers(r);
    }

    /** The region national numbers are read in. */
    public String defaultRegion() {
        return region;
    }

    /**
     * What the results of this normalizer depend on: the default region, {@link #RULES_VERSION} and the
     * libphonenumber version, e.g. {@code FR;1;libphonenumber-9.0.16}. A result
     * stored with the same rules is the one {@link #normalize} would give (see {@link ContactBook#setTels(String,
     * TelSource, List, String, List)}).
     */
    public String rules() {
        return rules(region);
    }

    /** The {@link #rules()} of a normalizer whose default region is {@code defaultRegion}. */
    public static String rules(String defaultRegion) {
        return (defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT)) + ";" + RULES_VERSION
                + ";libphonenumber-" + LIBPHONENUMBER;
    }

    /** The libphonenumber version in use, from its Maven metadata; "unknown" if it cannot be read. */
    private static String libphonenumberVersion() {
        try (java.io.InputStream in = PhoneNumberUtil.class.getResourceAsStream(
                "/META-INF/maven/com.googlecode.libphonenumber/libphonenumber/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown").strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** What the address is, its canonical form and its index keys. Never throws. */
    public NormalizedAddress normalize(String raw) {
        String key = raw == null ? "" : raw;
        NormalizedAddress known = memo.get(key);
        if (known != null) {
            return known;
        }
        parses.incrementAndGet();
        NormalizedAddress n = parse(key);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear(); // bounded: a flood of distinct strings (caller IDs) cannot grow it without end
        }
        memo.put(key, n);
        return n;
    }

    /**
     * Remembers what {@code raw} normalizes to, as computed earlier under these same {@link #rules()} (the
     * contact cache keeps it): later calls for it are answered without parsing. Nothing is replaced.
     */
    void remember(String raw, NormalizedAddress form) {
        if (raw != null && form != null && memo.size() < MEMO_LIMIT) {
            memo.putIfAbsent(raw, form);
        }
    }

    /** Distinct raw addresses remembered now (for tests). */
    int memoized() {
        return memo.size();
    }

    /** How many addresses were actually parsed (not answered from the memo) since this normalizer was made. */
    public long parses() {
        return parses.get();
    }

    private NormalizedAddress parse(String raw) {
        String text = raw.strip();
        text = UriEscapes.unwrapNameAddr(text);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            return UriEscapes.decode(text.substring(4)).flatMap(phones::telBody)
                    .map(key -> NormalizedAddress.of(AddressKind.TEL_URI, key, IndexKeys.of(key)))
                    .orElse(NormalizedAddress.unparseable());
        }
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            return sip(text);
        }
        if (SCHEME.matcher(text).matches()) {
            return NormalizedAddress.unparseable();
        }
        if (text.contains("@")) {
            return sip("sip:" + text);
        }
        return phones.number(text)
                .map(key -> NormalizedAddress.of(AddressKind.PHONE_NUMBER, key, IndexKeys.of(key)))
                .orElse(NormalizedAddress.unparseable());
    }

    /**
     * The address as a person reads it: a phone number (also inside a tel: or SIP URI) in the national
     * format of the default region or else the international format ({@code 06 12 34 56 78},
     * {@code +1 202-555-0143}); a SIP URI in canonical form; anything else as given. Never throws.
     */
    public String display(String raw) {
        NormalizedAddress n = normalize(raw);
        if (!n.parseable()) {
            return raw == null ? "" : raw.strip();
        }
        return n.keys().keys().stream().map(phones::format).flatMap(Optional::stream).findFirst()
                .orElse(n.normalized().orElseThrow());
    }

    /** The keys under which an address is indexed and looked up; empty if it cannot be understood. */
    public IndexKeys keysFor(String rawAddress) {
        return normalize(rawAddress).keys();
    }

    /** A contact's address from one source, as an adapter extracted it. */
    public TelAddress tel(String raw, Set<TelType> types, TelSource source) {
        return TelAddress.of(raw == null ? "" : raw, types, source, normalize(raw));
    }

    /** Same, with the type names as the vCard gave them (unknown names are ignored). */
    public TelAddress tel(String raw, List<String> typeTokens, TelSource source) {
        return tel(raw, TelType.parseAll(typeTokens), source);
    }

    private NormalizedAddress sip(String text) {
        Optional<SipUri> parsed = SipUri.parse(text);
        if (parsed.isEmpty()) {
            return NormalizedAddress.unparseable();
        }
        SipUri uri = parsed.get();
        Optional<String> user = uri.decodedUser();
        if (uri.userIsPhone() && user.isPresent()) {
            Optional<String> phone = phones.telBody(user.get());
            if (phone.isPresent()) {
                return NormalizedAddress.of(AddressKind.SIP_URI, phone.get(), IndexKeys.of(phone.get()));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(uri.identityKey());
        user.filter(u -> NUMERIC_USER.matcher(u).matches()).flatMap(phones::number).ifPresent(keys::add);
        return new NormalizedAddress(AddressKind.SIP_URI, Optional.of(uri.canonical()), new IndexKeys(keys));
    }
}
