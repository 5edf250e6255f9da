package org.cusax.it.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Creates every {@code @TempDir} of the integration tests in one directory of this build, {@link #root()}, so
 * that daemon logs, history files and kept configurations written there are read by {@link SecretLeakScan}
 * (cusax-it's pom turns JUnit's clean-up of them off; the scan deletes them). The directory sits in the system
 * temporary directory under a short name derived from {@value #PROPERTY} ({@code cusax-it/target/it-tmp}):
 * paths inside must stay as short as JUnit's own, for baresip cuts its recording paths at 128 bytes and a unix
 * socket path is limited to 108.
 */
public final class ScannedTempDirFactory implements TempDirFactory {
    static final String PROPERTY = "cusax.it.tmp";

    /**
     * Where child JVMs ({@code cusax sandbox}, {@code cusax demo}) move the temporary sandbox directory they
     * made instead of deleting it at exit (their {@code CUSAX_SANDBOX_KEEP_FILES_IN}): inside {@link #root()},
     * so that the scan reads what they wrote there. Empty when the build names no root.
     */
    public static Optional<Path> childSandboxes() {
        return root().map(r -> r.resolve("sandboxes"));
    }

    /** This build's directory of kept temporary directories, if the build names one. */
    static Optional<Path> root() {
        String base = System.getProperty(PROPERTY);
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        String id = Integer.toHexString(Path.of(base).toAbsolutePath().normalize().toString().hashCode());
        return Optional.of(Path.of(System.getProperty("java.io.tmpdir"), "cusax-it-" + id));
    }

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        Optional<Path> root = root();
        if (root.isEmpty()) {
            return Files.createTempDirectory("junit");
        }
        return Files.createTempDirectory(Files.createDirectories(root.get()), "t");
    }
}
