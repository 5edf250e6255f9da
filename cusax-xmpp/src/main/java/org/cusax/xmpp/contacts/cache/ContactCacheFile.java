package org.cusax.xmpp.contacts.cache;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.xmpp.contacts.TelKind;
import org.cusax.xmpp.util.AtomicFiles;
import org.cusax.xmpp.xml.XmlChars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts' tels of one account on disk:
 *
 * <pre>{@code
 * <contacts xmlns='urn:cusax:contact-cache:2' account='alice@example.com'
 *           rules='FR;1;libphonenumber-9.0.16'>
 *   <contact jid='bob@example.com' photo='sha1 hex'>
 *     <vcard kind='vcard-temp' fetched='2025-01-31T10:00:00Z'>
 *       <tel address='+33 6 12 34 56 78' as='number' normalized='tel:+33612345678'>
 *         <key>tel:+33612345678</key><type>CELL</type><type>VOICE</type></tel>
 *     </vcard>
 *     <vcard kind='vcard4' fetched='2025-01-31T10:00:00Z'/>
 *   </contact>
 * </contacts>
 * }</pre>
 *
 * A {@code vcard} element present means that vCard was fetched (possibly with no tels). Next to each raw
 * tel, what the core's {@code AddressNormalizer} makes of it ({@code as}, {@code normalized}, {@code key}s),
 * valid only under the {@code rules} of the root (default region, rules' version, libphonenumber version):
 * a warm start shows the cached numbers without parsing them again. Format 1 ({@code urn:cusax:contact-cache:1}, raw tels only) is
 * still read. Written atomically; a file that cannot be read, or that belongs to another account, is ignored
 * with a warning.
 */
public final class ContactCacheFile {
    public static final String NAMESPACE = "urn:cusax:contact-cache:2";
    /** The first format: raw tels only (read, never written). */
    public static final String NAMESPACE_1 = "urn:cusax:contact-cache:1";
    private static final Logger LOG = LoggerFactory.getLogger(ContactCacheFile.class);

    private final Path file;
    private final String account;

    public ContactCacheFile(Path file, String account) {
        this.file = file;
        this.account = account;
    }

    public Path file() {
        return file;
    }

    /** The cached contacts by JID; empty when there is no file or it is unreadable (never throws). */
    public Map<String, CachedContact> read() {
        return load().contacts();
    }

    /** The cached contacts and the normalized forms stored with them; empty when missing or unreadable. */
    public CacheContents load() {
        if (!Files.exists(file)) {
            return CacheContents.empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), account);
        } catch (Exception e) {
            LOG.warn("ignoring the unreadable contact cache {} ({}); contacts will be fetched again", file,
                    e.getMessage());
            return CacheContents.empty();
        }
    }

    /** Replaces the file with {@code contacts}, raw tels only. */
    public void write(Collection<CachedContact> contacts) throws IOException {
        write(contacts, NormalizedForms.none());
    }

    /** Replaces the file with {@code contacts}, each tel with its normalized form when {@code forms} has it. */
    public void write(Collection<CachedContact> contacts, NormalizedForms forms) throws IOException {
        AtomicFiles.write(file, serialize(account, contacts, forms));
    }

    static String serialize(String account, Collection<CachedContact> contacts, NormalizedForms forms) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("contacts");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("account", account);
            if (forms.rules().isPresent()) {
                w.writeAttribute("rules", forms.rules().get());
            }
            for (CachedContact c : contacts) {
                w.writeCharacters("\n  ");
                w.writeStartElement("contact");
                w.writeAttribute("jid", c.jid());
                if (c.photo().isPresent()) {
                    w.writeAttribute("photo", c.photo().get());
                }
                for (Map.Entry<TelKind, CachedContact.Fetched> e : c.fetched().entrySet()) {
                    w.writeCharacters("\n    ");
                    w.writeStartElement("vcard");
                    w.writeAttribute("kind", e.getKey().source().token());
                    w.writeAttribute("fetched", e.getValue().at().toString());
                    for (RawTel tel : e.getValue().tels()) {
                        w.writeCharacters("\n      ");
                        w.writeStartElement("tel");
                        w.writeAttribute("address", tel.address());
                        Optional<NormalizedAddress> form = forms.of(tel.address()).filter(ContactCacheFile::writable);
                        if (form.isPresent()) {
                            w.writeAttribute("as", form.get().kind().token());
                            if (form.get().normalized().isPresent()) {
                                w.writeAttribute("normalized", form.get().normalized().get());
                            }
                            for (String key : form.get().keys().keys()) {
                                w.writeStartElement("key");
                                w.writeCharacters(key);
                                w.writeEndElement();
                            }
                        }
                        for (String type : tel.types()) {
                            w.writeStartElement("type");
                            w.writeCharacters(type);
                            w.writeEndElement();
                        }
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot serialize the contact cache", e);
        }
    }

    /** A form whose text XML 1.0 cannot carry is left out: that tel is normalized again at the next start. */
    private static boolean writable(NormalizedAddress form) {
        return form.normalized().map(XmlChars::firstInvalid).map(i -> i.isEmpty()).orElse(true)
                && form.keys().keys().stream().allMatch(k -> XmlChars.firstInvalid(k).isEmpty());
    }

    static CacheContents parse(String xml, String account) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
        Map<String, CachedContact> contacts = new LinkedHashMap<>();
        CachedContact contact = null;
        TelKind kind = null;
        Instant at = null;
        List<RawTel> tels = new ArrayList<>();
        String address = null;
        List<String> types = new ArrayList<>();
        Optional<String> rules = Optional.empty();
        Map<String, NormalizedAddress> forms = new HashMap<>();
        FormReader form = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "contacts" -> {
                        String ns = r.getNamespaceURI();
                        boolean known = NAMESPACE.equals(ns) || NAMESPACE_1.equals(ns);
                        if (!known || !account.equals(r.getAttributeValue(null, "account"))) {
                            throw new XMLStreamException("not a contact cache of " + account);
                        }
                        rules = Optional.ofNullable(r.getAttributeValue(null, "rules"));
                    }
                    case "contact" -> contact = new CachedContact(required(r, "jid"),
                            Optional.ofNullable(r.getAttributeValue(null, "photo")), Map.of());
                    case "vcard" -> {
                        kind = kind(required(r, "kind"));
                        at = Instant.parse(required(r, "fetched"));
                        tels = new ArrayList<>();
                    }
                    case "tel" -> {
                        address = required(r, "address");
                        types = new ArrayList<>();
                        form = FormReader.start(r);
                    }
                    case "key" -> FormReader.key(form, r.getElementText());
                    case "type" -> types.add(r.getElementText());
                    default -> throw new XMLStreamException("unexpected element " + r.getLocalName());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "tel" -> {
                        RawTel tel = new RawTel(address, types);
                        tels.add(tel);
                        if (form != null) {
                            forms.put(tel.address(), form.build());
                        }
                    }
                    case "vcard" -> contact = contact.with(kind, new CachedContact.Fetched(tels, at));
                    case "contact" -> contacts.put(contact.jid(), contact);
                    default -> {
                    }
                }
            }
        }
        return new CacheContents(contacts,
                rules.isPresent() ? new NormalizedForms(rules, forms) : NormalizedForms.none());
    }

    private static String required(XMLStreamReader r, String attribute) throws XMLStreamException {
        String value = r.getAttributeValue(null, attribute);
        if (value == null) {
            throw new XMLStreamException(r.getLocalName() + " without " + attribute);
        }
        return value;
    }

    private static TelKind kind(String token) throws XMLStreamException {
        TelSource source = TelSource.fromToken(token).orElseThrow(() -> new XMLStreamException("unknown kind " + token));
        for (TelKind k : TelKind.values()) {
            if (k.source() == source) {
                return k;
            }
        }
        throw new XMLStreamException("not a vCard kind: " + token);
    }
}
