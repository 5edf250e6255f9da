package org.cusax.xmpp.contacts.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where one account's cache lives: {@code <cache-dir>/xmpp-<bare JID>/}, the JID lower-cased and every
 * character other than letters, digits, {@code @ . _ -} percent-encoded (so no JID can escape the
 * directory). It holds {@value #ROSTER} and {@value #CONTACTS}.
 */
public final class AccountCacheDir {
    /** The roster with its version (a {@code FileRosterStore}). */
    public static final String ROSTER = "roster.xml";
    /** The contacts' tels ({@link ContactCacheFile}). */
    public static final String CONTACTS = "contacts.xml";

    private AccountCacheDir() {
    }

    public static Path of(Path cacheDir, String bareJid) {
        return cacheDir.resolve("xmpp-" + escape(bareJid.toLowerCase(Locale.ROOT)));
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '@' || c == '_' || c == '-' || (c == '.' && sb.length() > 0);
            if (plain) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
