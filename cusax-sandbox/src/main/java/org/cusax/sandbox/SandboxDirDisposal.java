package org.cusax.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the temporary directory a sandbox made when it stops: deleted, or, when asked
 * ({@link SandboxOptions#keepFilesIn()}), moved whole into another directory, so that the original path is
 * gone either way and the files can still be read (the integration tests scan them for leaked passwords).
 */
final class SandboxDirDisposal {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxDirDisposal.class);

    private SandboxDirDisposal() {
    }

    static void dispose(Path dir, Optional<Path> keepIn) {
        if (keepIn.isPresent()) {
            try {
                Path target = Files.createDirectories(keepIn.get()).resolve(dir.getFileName());
                Files.move(dir, target);
                LOG.info("sandbox: files kept in {}", target);
                return;
            } catch (IOException e) {
                LOG.warn("sandbox: could not move {} into {} ({}); deleting it", dir, keepIn.get(), e.toString());
            }
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("sandbox: could not delete {}: {}", dir, e.toString());
        }
    }
}
