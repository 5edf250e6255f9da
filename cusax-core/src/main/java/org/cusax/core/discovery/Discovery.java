package org.cusax.core.discovery;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds where a user signs in, in this order (docs/provisioning.md): (1) the provisioning URL given;
 * (2) the provisioning server named by DNS ({@code _cusax-provisioning._tcp.DOMAIN} SRV, then
 * {@code https://DOMAIN/.well-known/cusax-provisioning}); (3) the halves' own service records:
 * {@code _xmpp-client._tcp} SRV for XMPP, RFC 3263 NAPTR then {@code _sips._tcp} SRV for SIP, TLS only;
 * (4) nothing: {@link #MANUAL} says which keys to set. Every step is reported as it is tried.
 */
public final class Discovery {
    /** The SRV name prefix naming a provisioning server. */
    public static final String PROVISIONING_SRV = "_cusax-provisioning._tcp.";
    /** The path of wire contract v1 on a server found by SRV. */
    public static final String PROVISIONING_PATH = "/cusax/v1/provisioning";
    /** What the user must set by hand when nothing was found (step 4). */
    public static final String MANUAL = "set them by hand in the config file: xmpp.jid, xmpp.host, xmpp.port "
            + "(Chat) and sip.aor, sip.proxy.host, sip.proxy.port, sip.transport (Telephony), with the password "
            + "in xmpp.password-file / sip.password-file (docs/configuration.md), or give --provisioning-url URL";

    private static final Comparator<DnsRecords.SrvRecord> SRV_ORDER = Comparator
            .comparingInt(DnsRecords.SrvRecord::priority)
            .thenComparing(Comparator.comparingInt(DnsRecords.SrvRecord::weight).reversed());

    private final DnsRecords dns;
    private final WellKnownUrl wellKnown;

    public Discovery(DnsRecords dns, WellKnownUrl wellKnown) {
        this.dns = dns;
        this.wellKnown = wellKnown;
    }

    /** Steps 1 and 2: the provisioning server, if any. */
    public Optional<URI> provisioningServer(UserId id, Optional<URI> given, Consumer<String> report) {
        if (given.isPresent()) {
            report.accept("1. provisioning URL given: " + given.get());
            return given;
        }
        report.accept("1. no provisioning URL given (--provisioning-url or provisioning.url)");
        if (id.domain().isEmpty()) {
            report.accept("2. '" + id + "' has no domain: nothing to look up (use alice@example.com)");
            return Optional.empty();
        }
        String domain = id.domain().get();
        String name = PROVISIONING_SRV + domain;
        try {
            Optional<DnsRecords.SrvRecord> best = best(dns.srv(name));
            if (best.isEmpty()) {
                report.accept("2. DNS SRV " + name + ": none");
            } else if (!within(best.get().target(), domain)) {
                report.accept("2. DNS SRV " + name + " names " + best.get().target() + ", outside " + domain
                        + ": ignored (its certificate could not show it speaks for " + domain + ")");
            } else {
                URI url = URI.create("https://" + best.get().target() + ":" + best.get().port() + PROVISIONING_PATH);
                report.accept("2. DNS SRV " + name + " -> " + url);
                return Optional.of(url);
            }
        } catch (IOException e) {
            report.accept("2. DNS SRV " + name + ": look-up failed (" + e.getMessage() + ")");
        }
        String wellKnownUrl = "https://" + domain + "/.well-known/cusax-provisioning";
        try {
            Optional<URI> named = wellKnown.provisioningUrl(domain);
            if (named.isEmpty()) {
                report.accept("   " + wellKnownUrl + ": none");
            } else if (!"https".equalsIgnoreCase(named.get().getScheme())) {
                report.accept("   " + wellKnownUrl + " names " + named.get() + ": refused, not HTTPS");
            } else {
                report.accept("   " + wellKnownUrl + " -> " + named.get());
                return named;
            }
        } catch (IOException e) {
            report.accept("   " + wellKnownUrl + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Step 3: a configuration from the halves' service records (TLS only), without passwords; empty
     * when neither half has a usable record.
     */
    public Optional<Map<String, String>> fromServiceRecords(UserId id, Consumer<String> report) {
        if (id.domain().isEmpty()) {
            return Optional.empty();
        }
        String domain = id.domain().get();
        Map<String, String> keys = new LinkedHashMap<>();
        xmpp(domain, report).ifPresent(srv -> {
            keys.put("xmpp.jid", id.user() + "@" + domain);
            keys.put("xmpp.host", srv.target());
            keys.put("xmpp.port", Integer.toString(srv.port()));
        });
        sip(domain, report).ifPresent(srv -> {
            keys.put("sip.aor", "sip:" + id.user() + "@" + domain);
            keys.put("sip.transport", "tls");
            keys.put("sip.proxy.host", srv.target());
            keys.put("sip.proxy.port", Integer.toString(srv.port()));
        });
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    private Optional<DnsRecords.SrvRecord> xmpp(String domain, Consumer<String> report) {
        Optional<DnsRecords.SrvRecord> direct = lookUp("_xmpps-client._tcp." + domain, report);
        direct.ifPresent(srv -> report.accept("   direct TLS (XEP-0368) is not supported by this client: "
                + "looking for STARTTLS"));
        Optional<DnsRecords.SrvRecord> starttls = lookUp("_xmpp-client._tcp." + domain, report);
        starttls.ifPresent(srv -> report.accept("   Chat: " + srv.target() + ":" + srv.port()
                + " (STARTTLS required, certificate checked for " + domain + ")"));
        return starttls;
    }

    private Optional<DnsRecords.SrvRecord> sip(String domain, Consumer<String> report) {
        List<DnsRecords.NaptrRecord> naptr;
        try {
            naptr = dns.naptr(domain);
        } catch (IOException e) {
            report.accept("3. DNS NAPTR " + domain + ": look-up failed (" + e.getMessage() + ")");
            naptr = List.of();
        }
        List<DnsRecords.NaptrRecord> sipNaptr = naptr.stream()
                .filter(n -> n.flags().equalsIgnoreCase("s") && n.service().toUpperCase(Locale.ROOT).startsWith("SIP"))
                .sorted(Comparator.comparingInt(DnsRecords.NaptrRecord::order)
                        .thenComparingInt(DnsRecords.NaptrRecord::preference))
                .toList();
        Optional<DnsRecords.SrvRecord> found;
        if (!sipNaptr.isEmpty()) {
            Optional<DnsRecords.NaptrRecord> tls = sipNaptr.stream()
                    .filter(n -> n.service().equalsIgnoreCase("SIPS+D2T")).findFirst();
            if (tls.isEmpty()) {
                report.accept("3. DNS NAPTR " + domain + ": SIP only without TLS ("
                        + String.join(", ", sipNaptr.stream().map(DnsRecords.NaptrRecord::service).toList())
                        + "): not used (set sip.transport by hand to accept that)");
                return Optional.empty();
            }
            report.accept("3. DNS NAPTR " + domain + ": SIPS+D2T -> " + tls.get().replacement());
            found = lookUp(tls.get().replacement(), report);
        } else {
            report.accept("3. DNS NAPTR " + domain + ": none");
            found = lookUp("_sips._tcp." + domain, report);
            if (found.isEmpty()) {
                for (String plain : List.of("_sip._tcp.", "_sip._udp.")) {
                    if (lookUp(plain + domain, s -> { }).isPresent()) {
                        report.accept("   " + plain + domain + " exists, but SIP without TLS is not configured "
                                + "from DNS (set sip.transport by hand to accept that)");
                    }
                }
            }
        }
        found.ifPresent(srv -> report.accept("   Telephony: " + srv.target() + ":" + srv.port()
                + " (SIP over TLS, certificate checked for " + domain + ")"));
        return found;
    }

    private Optional<DnsRecords.SrvRecord> lookUp(String name, Consumer<String> report) {
        try {
            Optional<DnsRecords.SrvRecord> best = best(dns.srv(name));
            report.accept("3. DNS SRV " + name + ": " + best.map(s -> s.target() + ":" + s.port()).orElse("none"));
            return best;
        } catch (IOException e) {
            report.accept("3. DNS SRV " + name + ": look-up failed (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** The record to use: lowest priority, then highest weight; "." (RFC 2782: no service) is none. */
    static Optional<DnsRecords.SrvRecord> best(List<DnsRecords.SrvRecord> records) {
        return records.stream().filter(r -> !r.target().isEmpty() && !r.target().equals(".")).min(SRV_ORDER);
    }

    private static boolean within(String host, String domain) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(domain) || h.endsWith("." + domain);
    }
}
