package org.cusax.testbed.kamailio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the text output of {@code kamcmd ul.lookup location USER} into {@link Binding}s. */
final class BindingParser {

    private BindingParser() {
    }

    static List<Binding> parse(String kamcmdOutput) {
        List<Binding> result = new ArrayList<>();
        Map<String, String> current = null;
        for (String raw : kamcmdOutput.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("Contact:") && line.endsWith("{")) {
                current = new HashMap<>();
                continue;
            }
            if (current == null) {
                continue;
            }
            if (line.equals("}")) {
                result.add(toBinding(current));
                current = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return List.copyOf(result);
    }

    private static Binding toBinding(Map<String, String> f) {
        long expires;
        try {
            expires = Long.parseLong(f.getOrDefault("Expires", "-1"));
        } catch (NumberFormatException e) {
            expires = -1;
        }
        return new Binding(f.get("Address"), notSet(f.get("Received")), f.get("Socket"), expires,
                notSet(f.get("User-Agent")), f.get("Call-ID"));
    }

    private static String notSet(String v) {
        return v == null || v.equals("[not set]") ? null : v;
    }
}
