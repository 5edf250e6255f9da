package org.cusax.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every key documented once: each reference key is read by the loader, and the loader reads no other. */
class ConfigReferenceCoverageTest {
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:tls|reconnect|contacts|presence|history|audio|daemon|xmpp|sip|provisioning|discovery|service|security|routing)\\.[a-z0-9.-]+)\"");

    @Test
    void loaderAndReferenceAgree() throws IOException {
        Set<String> used = new TreeSet<>();
        Path sources = Path.of("src/main/java/org/cusax/core/config");
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // keys built from a prefix ("xmpp" / "sip" + ".password-file" ...)
        for (String prefix : new String[] {"xmpp", "sip"}) {
            for (String suffix : new String[] {".password-file", ".password-env", ".password", ".tls.trust-store",
                    ".tls.trust-store-password"}) {
                used.add(prefix + suffix);
            }
        }
        assertThat(new TreeSet<>(ConfigFile.defaults().keySet())).isEqualTo(used);
    }
}
