package org.cusax.testbed.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Looks for a marker in every regular file under a directory, byte for byte (logs, reports, history files,
 * binary stores alike). Files that are meant to hold a secret (a password file the test wrote, a server's
 * credential table) are named by the caller's predicate and only counted. Symbolic links are not followed.
 */
public final class SecretScan {
    private final byte[][] markers;
    private final Predicate<Path> meantToHoldSecrets;

    /**
     * @param marker             what no file may contain
     * @param meantToHoldSecrets files that may: they are reported as {@link Result#secretStores()}
     */
    public SecretScan(String marker, Predicate<Path> meantToHoldSecrets) {
        this(List.of(marker), meantToHoldSecrets);
    }

    /** Looks for any of {@code markers} (e.g. {@link TestPasswords#markerForms()}). */
    public SecretScan(List<String> markers, Predicate<Path> meantToHoldSecrets) {
        this.markers = markers.stream().map(m -> m.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.meantToHoldSecrets = meantToHoldSecrets;
    }

    /** What a scan saw: files read, the secret stores that hold the marker, and the leaks. */
    public record Result(int filesScanned, List<Path> secretStores, List<Path> leaks) {
        public Result {
            secretStores = List.copyOf(secretStores);
            leaks = List.copyOf(leaks);
        }
    }

    /** Scans {@code root} (a missing root scans nothing). */
    public Result scan(Path root) throws IOException {
        List<Path> stores = new ArrayList<>();
        List<Path> leaks = new ArrayList<>();
        int[] scanned = {0};
        if (!Files.exists(root)) {
            return new Result(0, stores, leaks);
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                scanned[0]++;
                if (contains(file)) {
                    (meantToHoldSecrets.test(file) ? stores : leaks).add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a socket or a file that vanished meanwhile
            }
        });
        return new Result(scanned[0], stores, leaks);
    }

    /** Whether the file's bytes contain a marker (streamed: files of any size). */
    boolean contains(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int[] matched = new int[markers.length];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    for (int m = 0; m < markers.length; m++) {
                        byte[] marker = markers[m];
                        while (matched[m] > 0 && buf[i] != marker[matched[m]]) {
                            matched[m] = fallback(marker, matched[m]);
                        }
                        if (buf[i] == marker[matched[m]] && ++matched[m] == marker.length) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false; // unreadable (vanished, a FIFO): nothing a later reader could see either
        }
    }

    /** KMP fallback: the longest proper prefix of marker[0..matched) that is also its suffix. */
    private static int fallback(byte[] marker, int matched) {
        for (int len = matched - 1; len > 0; len--) {
            boolean ok = true;
            for (int i = 0; i < len && ok; i++) {
                ok = marker[i] == marker[matched - len + i];
            }
            if (ok) {
                return len;
            }
        }
        return 0;
    }
}
