package org.cusax.testbed.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans a test run directory for {@link TestPasswords#MARKER} just before it is deleted (servers' logs, the
 * client's logs, history and daemon files live there), and records the result in the directory named by the
 * system property {@value #LEDGER_PROPERTY} (cusax-it sets it to {@code target/secret-scan}), where the
 * build's last test ({@code SecretLeakScan}) reads it. Never throws: a failing scan is recorded as such.
 */
public final class RunDirectoryCheck {
    public static final String LEDGER_PROPERTY = "cusax.secret-scan.dir";
    /** Prefix of the ledger's record files. */
    public static final String RECORD_PREFIX = "run-";
    private static final Logger LOG = LoggerFactory.getLogger(RunDirectoryCheck.class);

    /**
     * Files a test run writes on purpose with the password inside: the password files of client configs
     * ({@code *.password}, {@code *.pw}), Kamailio's digest table ({@code kamailio/users/users}, an htable), Prosody's account
     * store ({@code accounts/*.dat}), baresip's {@code accounts} and sipp's injection files ({@code *.csv}).
     */
    public static final Predicate<Path> SECRET_STORES = file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = file.getParent();
        return name.endsWith(".password") || name.endsWith(".pw") || file.endsWith(Path.of("kamailio", "users", "users"))
                || name.equals("accounts") || name.endsWith(".csv")
                || (name.endsWith(".dat") && parent != null && parent.getFileName().toString().equals("accounts"));
    };

    private RunDirectoryCheck() {
    }

    /** Scans {@code runDir} and records the result; what leaked is also logged (paths only, never content). */
    public static void record(Path runDir) {
        String ledger = System.getProperty(LEDGER_PROPERTY);
        StringBuilder out = new StringBuilder("run " + runDir + "\n");
        try {
            SecretScan.Result r = new SecretScan(TestPasswords.markerForms(), SECRET_STORES).scan(runDir);
            out.append("scanned ").append(r.filesScanned()).append('\n');
            r.secretStores().forEach(p -> out.append("store ").append(p).append('\n'));
            r.leaks().forEach(p -> out.append("leak ").append(p).append('\n'));
            if (!r.leaks().isEmpty()) {
                LOG.error("a test password is written in {}", r.leaks());
            }
        } catch (IOException | RuntimeException e) {
            out.append("error ").append(e).append('\n');
        }
        if (ledger == null || ledger.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(ledger));
            Files.writeString(dir.resolve(RECORD_PREFIX + UUID.randomUUID() + ".txt"), out,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            LOG.warn("cannot record the secret scan of {} in {}: {}", runDir, ledger, e.toString());
        }
    }

    /** The lines of every record in the ledger directory. */
    public static List<String> ledgerLines(Path ledger) throws IOException {
        if (!Files.isDirectory(ledger)) {
            return List.of();
        }
        try (var files = Files.list(ledger)) {
            return files.filter(f -> f.getFileName().toString().startsWith(RECORD_PREFIX)).sorted()
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                        } catch (IOException e) {
                            return java.util.stream.Stream.of("error " + f + ": " + e);
                        }
                    }).toList();
        }
    }
}
