package org.cusax.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were taken on: CPUs, CPU model, kernel, JVM, and the load average before and after. */
public final class Machine {
    private Machine() {
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static String describe(String loadBefore) {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // keep "unknown"
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", Java " + System.getProperty("java.version")
                + "; load average (1/5/15 min) before " + loadBefore + ", after " + loadAverage();
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("cusax-bench");
    }

    /** Deletes the run's working directory (contact caches) and everything in it. */
    static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
