package org.cusax.app.history;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.cusax.core.config.ClientConfig;
import org.cusax.core.history.HistoryStore;
import org.cusax.core.history.InMemoryHistoryStore;

/**
 * Where an account's history lives: {@code <history.dir>/<account>/history.jsonl}, the account being the
 * XMPP JID (else the SIP AOR), lower-cased, with every character other than letters, digits and
 * {@code @ . _ -} percent-encoded so that no address can leave the directory.
 */
public final class HistoryFiles {
    public static final String FILE = "history.jsonl";

    private HistoryFiles() {
    }

    /** The history file of the configured account, if a history directory is configured. */
    public static Optional<Path> file(ClientConfig config) {
        Optional<String> account = config.link().chat().map(a -> a.address())
                .or(() -> config.link().telephony().map(a -> a.address()));
        return config.history().dir().flatMap(dir -> account.map(a -> dir.resolve(escape(a)).resolve(FILE)));
    }

    /** The store for the configured account: on disk when a history directory is set, else for the session. */
    public static HistoryStore store(ClientConfig config) {
        return file(config).<HistoryStore>map(JsonLinesHistoryStore::new).orElseGet(InMemoryHistoryStore::new);
    }

    static String escape(String account) {
        StringBuilder sb = new StringBuilder();
        for (byte b : account.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '_' || c == '-'
                    || (c == '.' && sb.length() > 0);
            sb.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return sb.toString();
    }
}
