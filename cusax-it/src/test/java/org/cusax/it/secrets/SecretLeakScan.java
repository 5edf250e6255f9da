package org.cusax.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.cusax.testbed.secrets.RunDirectoryCheck;
import org.cusax.testbed.secrets.SecretScan;
import org.cusax.testbed.secrets.TestPasswords;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6, RFC 6120 §13.9 / RFC 3261 §26 spirit: no password in any log. Runs last (cusax-it's pom:
 * its own surefire execution in the {@code verify} phase, after every test of every module): every test
 * password begins with {@link TestPasswords#MARKER}, so the marker in any file the run wrote is a leak —
 * surefire reports and test output of every module, the integration tests' kept temporary directories
 * ({@link ScannedTempDirFactory#root()}: daemon logs, history, kept provisioning) and, recorded just before each was deleted, every testbed and
 * sandbox run directory (Prosody, Kamailio, baresip, sipp and client logs). Files meant to hold a password
 * (password files, the servers' credential tables: {@link RunDirectoryCheck#SECRET_STORES}) are only counted;
 * compiled classes and jars are not output of the run. Fails listing the files, never their content.
 */
class SecretLeakScan {
    /** Not written by the run: code, and the scan's own ledger (paths only). */
    private static final Predicate<Path> NOT_RUN_OUTPUT = p -> {
        String s = p.toString().replace('\\', '/');
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return s.contains("/target/classes/") || s.contains("/target/test-classes/") || name.endsWith(".class")
                || name.endsWith(".jar");
    };

    @Test
    void noTestPasswordInAnyFileTheRunWrote() throws IOException {
        Path root = Path.of(System.getProperty("cusax.reactor.root", "..")).toAbsolutePath().normalize();
        SecretScan scan = new SecretScan(TestPasswords.markerForms(), RunDirectoryCheck.SECRET_STORES.or(NOT_RUN_OUTPUT));
        List<Path> leaks = new ArrayList<>();
        List<String> ledger = new ArrayList<>();
        int scanned = 0;
        int stores = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path target : modules.map(m -> m.resolve("target")).filter(Files::isDirectory).sorted().toList()) {
                SecretScan.Result r = scan.scan(target);
                scanned += r.filesScanned();
                stores += (int) r.secretStores().stream().filter(RunDirectoryCheck.SECRET_STORES).count();
                leaks.addAll(r.leaks());
                ledger.addAll(RunDirectoryCheck.ledgerLines(target.resolve("secret-scan")));
            }
        }
        Optional<Path> kept = ScannedTempDirFactory.root();
        if (kept.isPresent()) { // the integration tests' @TempDirs of this build
            SecretScan.Result r = scan.scan(kept.get());
            scanned += r.filesScanned();
            stores += (int) r.secretStores().stream().filter(RunDirectoryCheck.SECRET_STORES).count();
            leaks.addAll(r.leaks());
        }
        long runs = ledger.stream().filter(l -> l.startsWith("run ")).count();
        long runFiles = ledger.stream().filter(l -> l.startsWith("scanned "))
                .mapToLong(l -> Long.parseLong(l.substring("scanned ".length()))).sum();
        long runStores = ledger.stream().filter(l -> l.startsWith("store ")).count();
        List<String> runLeaks = ledger.stream().filter(l -> l.startsWith("leak ") || l.startsWith("error ")).toList();
        System.out.printf("secret scan: %d files under %s/*/target and the kept @TempDirs (%d password stores), %d run directories "
                + "(%d files, %d password stores) recorded before deletion; leaks: %d%n",
                scanned, root, stores, runs, runFiles, runStores, leaks.size() + runLeaks.size());
        assertThat(leaks).as("files under target/ holding a test password").isEmpty();
        assertThat(runLeaks).as("run directories holding a test password (or not scanned)").isEmpty();
        if (kept.isPresent()) {
            deleteTree(kept.get());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
