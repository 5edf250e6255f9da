package org.cusax.testbed.prosody;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Writes Prosody 0.12 {@code internal} storage files directly, to seed large data sets in milliseconds
 * instead of one login per user: accounts (a copy of an account registered with prosodyctl, so the same
 * password works), rosters and vcard-temp. Files are Lua tables under
 * {@code <data>/<host>/<store>/<user>.dat}, names encoded as Prosody's datamanager does.
 *
 * <p>Prosody reads accounts and vCards from disk on each use, but caches rosters once loaded (for
 * logins, presence probes and PEP access checks): write rosters before any of the users involved logs in
 * or is probed.
 */
public final class ProsodyStorage {
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path dataDir;
    private final String domain;

    public ProsodyStorage(Path dataDir, String domain) {
        this.dataDir = dataDir;
        this.domain = domain;
    }

    /** One roster entry: a contact's bare JID, its name and the subscription (none, to, from, both). */
    public record RosterEntry(String jid, String name, String subscription) {
        public RosterEntry {
            if (!List.of("none", "to", "from", "both").contains(subscription)) {
                throw new IllegalArgumentException("subscription must be none, to, from or both: " + subscription);
            }
        }
    }

    /** Creates {@code user} with the credentials of {@code template} (which must exist). */
    public void cloneAccount(String template, String user) {
        Path from = file("accounts", template);
        if (!Files.exists(from)) {
            throw new IllegalArgumentException("no account " + template + " to copy");
        }
        try {
            Files.copy(from, file("accounts", checkUser(user)), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code user}'s roster; {@code version} is what the server compares with a client's {@code ver}. */
    public void writeRoster(String user, long version, List<RosterEntry> entries) {
        StringBuilder lua = new StringBuilder("return {\n\t[false] = { [\"version\"] = ").append(version)
                .append("; [\"pending\"] = {}; };\n");
        for (RosterEntry e : entries) {
            lua.append("\t[").append(lua(e.jid())).append("] = { [\"subscription\"] = ").append(lua(e.subscription()))
                    .append("; [\"groups\"] = {}; ");
            if (e.name() != null && !e.name().isEmpty()) {
                lua.append("[\"name\"] = ").append(lua(e.name())).append("; ");
            }
            lua.append("};\n");
        }
        write("roster", user, lua.append("};\n").toString());
    }

    /** Stores {@code vcardXml} (a whole {@code <vCard xmlns='vcard-temp'>…</vCard>}) as {@code user}'s vCard. */
    public void writeVcardTemp(String user, String vcardXml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(vcardXml))).getDocumentElement();
            write("vcard", user, "return " + stanza(root, null) + ";\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a vCard: " + e.getMessage(), e);
        }
    }

    /** Prosody's {@code util.stanza} preserialized form: name, attr, then children (tables) and text (strings). */
    private static String stanza(Element e, String parentNs) {
        StringBuilder sb = new StringBuilder("{ [\"name\"] = ").append(lua(e.getLocalName())).append("; [\"attr\"] = { ");
        String ns = e.getNamespaceURI();
        if (ns != null && !ns.equals(parentNs)) {
            sb.append("[\"xmlns\"] = ").append(lua(ns)).append("; ");
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (!"xmlns".equals(a.getNodeName()) && !a.getNodeName().startsWith("xmlns:")) {
                sb.append('[').append(lua(a.getNodeName())).append("] = ").append(lua(a.getNodeValue())).append("; ");
            }
        }
        sb.append("}; ");
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                sb.append(stanza(child, ns)).append("; ");
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!c.getNodeValue().isBlank()) {
                    sb.append(lua(c.getNodeValue())).append("; ");
                }
            }
        }
        return sb.append('}').toString();
    }

    private void write(String store, String user, String content) {
        Path target = file(store, checkUser(user));
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String store, String user) {
        return dataDir.resolve(encode(domain)).resolve(store).resolve(encode(user) + ".dat");
    }

    private static String checkUser(String user) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user name must match " + USER + ": " + user);
        }
        return user;
    }

    /** Prosody's datamanager encoding: every non-alphanumeric byte as %xx (lower-case hex). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02x", c));
            }
        }
        return sb.toString();
    }

    /** A Lua string literal (UTF-8 passes through; quotes, backslashes and control characters escaped). */
    static String lua(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append('\\').append(String.format("%03d", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
