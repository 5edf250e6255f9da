package org.cusax.testbed.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server (Debian's {@code postgresql} package) on 127.0.0.1 and a free port, with
 * its data in a temporary directory: {@code initdb} (trust authentication, loopback only), then
 * {@code pg_ctl -w start}, which returns once the server accepts connections. Run as the {@code postgres}
 * user when the tests run as root (PostgreSQL refuses root). {@link #close()} stops it and deletes
 * everything, and a JVM shutdown hook does the same if a test run is killed. The directory names this JVM as
 * its owner, so that a server this JVM could not stop (SIGKILL) is stopped by the next testbed
 * ({@link org.cusax.testbed.process.StaleRunReaper}).
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final Thread hook;
    private boolean stopped;

    private LocalPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.hook = new Thread(this::stopQuietly, "local-postgres-stop");
    }

    public static LocalPostgres start() throws IOException, InterruptedException {
        org.cusax.testbed.process.PackageInstaller.ensure(org.cusax.testbed.process.PackageInstaller.POSTGRESQL);
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IOException("no PostgreSQL in /usr/lib/postgresql: apt-get install postgresql"));
        }
        Path dir = Files.createTempDirectory("cusax-pg-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // the server's command line and working directory lie in dir: if this JVM dies without stopping it,
        // the next testbed's StaleRunReaper does
        org.cusax.testbed.process.RunOwner.current().claim(dir);
        org.cusax.testbed.process.StaleRunReaper.reapOnce();
        LocalPostgres pg = new LocalPostgres(bin, dir, port);
        Runtime.getRuntime().addShutdownHook(pg.hook);
        try {
            if (isRoot()) {
                pg.run("chown", "postgres:postgres", dir.toString());
            }
            pg.runAsPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", "cusax", "-E", "UTF8", "--no-sync");
            pg.runAsPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                    "-k " + dir + " -p " + port + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    /** A JDBC URL of a new, empty database on this server (user {@code cusax}, no password). */
    public String createDatabase(String name) throws IOException, InterruptedException {
        runAsPostgres(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "cusax",
                name);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    public String user() {
        return "cusax";
    }

    /** The server's log, for a failing test's message. */
    public String log() {
        try {
            return Files.readString(dir.resolve("postgres.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                runAsPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("LocalPostgres: stop failed: " + e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    private void runAsPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cusax-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command[0] + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("LocalPostgres: cannot delete " + root + ": " + e.getMessage());
        }
    }
}
