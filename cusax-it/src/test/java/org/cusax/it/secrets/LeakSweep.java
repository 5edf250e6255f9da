package org.cusax.it.secrets;

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

/**
 * Everything {@link SecretLeakScan} reads, in one pass: every module's {@code target/} (surefire reports and test
 * output), the integration tests' kept temporary directories ({@link ScannedTempDirFactory#root()}: their
 * {@code @TempDir}s, the output of every {@code cusax} child JVM written there, and the sandboxes those children
 * started by themselves, moved there at exit) and the ledger of run directories scanned before deletion.
 */
final class LeakSweep {
    /** Not written by the run: code, and the scan's own ledger (paths only). */
    private static final Predicate<Path> NOT_RUN_OUTPUT = p -> {
        String s = p.toString().replace('\\', '/');
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return s.contains("/target/classes/") || s.contains("/target/test-classes/") || name.endsWith(".class")
                || name.endsWith(".jar");
    };

    /**
     * @param scanned  files read
     * @param stores   files meant to hold a password, counted and not read as leaks
     * @param leaks    files holding the test password marker
     * @param ledger   the lines recorded by {@link RunDirectoryCheck} for deleted run directories
     */
    record Findings(int scanned, int stores, List<Path> leaks, List<String> ledger) {
    }

    private LeakSweep() {
    }

    /** Reads every module's {@code target/} under {@code reactorRoot} and the kept temporary directories. */
    static Findings sweep(Path reactorRoot) throws IOException {
        SecretScan scan = new SecretScan(TestPasswords.markerForms(), RunDirectoryCheck.SECRET_STORES.or(NOT_RUN_OUTPUT));
        List<Path> leaks = new ArrayList<>();
        List<String> ledger = new ArrayList<>();
        int scanned = 0;
        int stores = 0;
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(reactorRoot)) {
            roots.addAll(modules.map(m -> m.resolve("target")).filter(Files::isDirectory).sorted().toList());
        }
        for (Path target : roots) {
            ledger.addAll(RunDirectoryCheck.ledgerLines(target.resolve("secret-scan")));
        }
        Optional<Path> kept = ScannedTempDirFactory.root();
        kept.filter(Files::isDirectory).ifPresent(roots::add);
        for (Path root : roots) {
            SecretScan.Result r = scan.scan(root);
            scanned += r.filesScanned();
            stores += (int) r.secretStores().stream().filter(RunDirectoryCheck.SECRET_STORES).count();
            leaks.addAll(r.leaks());
        }
        return new Findings(scanned, stores, leaks, ledger);
    }
}
