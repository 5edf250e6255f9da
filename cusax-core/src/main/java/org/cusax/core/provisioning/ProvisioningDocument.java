package org.cusax.core.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.config.ConfigFile;

/**
 * A provisioning document: a cusax.conf body from the provisioning server. It is read by the same
 * parser as the config file (unknown keys rejected with their line), must carry
 * {@code provisioning.version}, and must not set a {@link LocalKeys local key}.
 */
public final class ProvisioningDocument {
    private final String source;
    private final Map<String, String> values;

    private ProvisioningDocument(String source, Map<String, String> values) {
        this.source = source;
        this.values = values;
    }

    /**
     * Parses and checks a document.
     *
     * @param from where it came from; {@code provisioning.url} defaults to it
     * @throws ProvisioningException {@code INVALID_DOCUMENT}, naming the key and line
     */
    public static ProvisioningDocument parse(java.net.URI from, String text) throws ProvisioningException {
        String source = "provisioning document from " + from;
        ConfigFile file;
        try {
            file = ConfigFile.parse(source, text);
        } catch (ConfigError e) {
            throw invalid(e.getMessage());
        }
        int line = 0;
        // String.lines() ends lines at \n, \r and \r\n exactly as the ConfigFile reader does: splitting at \n
        // alone let "provisioning.version = 1\rxmpp.password-file = …" through (found by ProvisioningDocumentFuzzTest)
        for (String raw : (Iterable<String>) text.lines()::iterator) {
            line++;
            String trimmed = raw.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = trimmed.substring(0, eq).strip();
            if (LocalKeys.local(key)) {
                throw invalid(source + ":" + line + ": '" + key
                        + "' is a local setting (a secret or a file on this machine) that a provisioning server may not set");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : file.explicitKeys()) {
            if (LocalKeys.local(key)) { // whatever the lines looked like: the parsed keys decide
                throw invalid(source + ": '" + key + "' is a local setting that a provisioning server may not set");
            }
            values.put(key, file.get(key));
        }
        values.putIfAbsent("provisioning.url", from.toString());
        if (values.get("provisioning.url").isEmpty()) {
            values.put("provisioning.url", from.toString());
        }
        if (values.getOrDefault("provisioning.version", "").isEmpty()) {
            throw invalid(source + ": provisioning.version is missing: a document must say which version it is");
        }
        return new ProvisioningDocument(source, java.util.Collections.unmodifiableMap(values));
    }

    private static ProvisioningException invalid(String message) {
        return new ProvisioningException(ProvisioningException.Kind.INVALID_DOCUMENT, message);
    }

    public String version() {
        return values.get("provisioning.version");
    }

    /** The keys the document sets, in document order. */
    public Map<String, String> values() {
        return values;
    }

    /** Where it came from. */
    public String source() {
        return source;
    }

    /**
     * Loads the document together with the user's local keys (password files, trust store) exactly as
     * the client will load the kept file, so a bad value is refused now, not at the next start.
     */
    public ClientConfig validate(ClientConfigLoader loader, Map<String, String> local) throws ProvisioningException {
        KeptConfig kept = new KeptConfig(local, values);
        try {
            return loader.load(ConfigFile.parse(source, kept.render("")));
        } catch (ConfigError e) {
            throw invalid(e.getMessage());
        }
    }
}
