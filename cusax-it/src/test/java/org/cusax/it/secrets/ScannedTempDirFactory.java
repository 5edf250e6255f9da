package org.cusax.it.secrets;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Creates every {@code @TempDir} of the integration tests under {@value #PROPERTY} (cusax-it's pom: {@code
 * target/it-tmp}) so that daemon logs, history files and kept configurations written there are read by
 * {@link SecretLeakScan} (the pom also turns JUnit's clean-up of them off; the scan deletes them).
 */
public final class ScannedTempDirFactory implements TempDirFactory {
    static final String PROPERTY = "cusax.it.tmp";

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        String base = System.getProperty(PROPERTY);
        String prefix = context.getRequiredTestClass().getSimpleName() + "-";
        if (base == null || base.isBlank()) {
            return Files.createTempDirectory(prefix);
        }
        return Files.createTempDirectory(Files.createDirectories(Path.of(base)), prefix);
    }
}
