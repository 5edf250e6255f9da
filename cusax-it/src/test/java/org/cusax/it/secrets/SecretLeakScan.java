package org.cusax.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.cusax.testbed.secrets.RunDirectoryCheck;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6, RFC 6120 §13.9 / RFC 3261 §26 spirit: no password in any log. Runs last (cusax-it's pom:
 * its own surefire execution in the {@code verify} phase, after every test of every module): every test
 * password begins with {@link org.cusax.testbed.secrets.TestPasswords#MARKER}, so the marker in any file the run wrote is a leak —
 * surefire reports and test output of every module, the integration tests' kept temporary directories
 * ({@link ScannedTempDirFactory#root()}: daemon logs, history, kept provisioning, the output of every {@code cusax}
 * child JVM and the sandboxes such children started by themselves, moved there at exit) and, recorded just before each was deleted, every testbed and
 * sandbox run directory (Prosody, Kamailio, baresip, sipp and client logs). Files meant to hold a password
 * (password files, the servers' credential tables: {@link RunDirectoryCheck#SECRET_STORES}) are only counted;
 * compiled classes and jars are not output of the run. Fails listing the files, never their content.
 */
class SecretLeakScan {
    @Test
    void noTestPasswordInAnyFileTheRunWrote() throws IOException {
        Path root = Path.of(System.getProperty("cusax.reactor.root", "..")).toAbsolutePath().normalize();
        LeakSweep.Findings found = LeakSweep.sweep(root);
        List<Path> leaks = found.leaks();
        List<String> ledger = found.ledger();
        int scanned = found.scanned();
        int stores = found.stores();
        Optional<Path> kept = ScannedTempDirFactory.root();
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
