package org.cusax.testbed.netns;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ProcessHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network namespace of its own for one test run ({@code ip netns add cusax-<random>}): loopback
 * up (127.0.0.1) and a veth pair whose end {@code v0} holds {@value #ADDRESS}/32, so that programs
 * which refuse 127.0.0.1 and advertise "the" interface address (baresip/libre) use a loopback
 * address. No interface of the namespace leads out of it. {@link #close()} kills every process still
 * in the namespace and deletes it; a JVM shutdown hook does the same if close is never reached.
 * Needs root (it is how the testbed installs packages, too).
 */
public final class IsolatedHost implements ProcessHost, AutoCloseable {

    /** The loopback address of the namespace's own interface: what such peers advertise. */
    public static final String ADDRESS = "127.0.0.2";
    /** The namespace's {@code lo} address. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedHost.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(20);

    private final String name;
    private boolean closed;

    private IsolatedHost(String name) {
        this.name = name;
    }

    /** Creates and sets up a new namespace; on failure nothing is left behind. */
    public static IsolatedHost create() {
        PackageInstaller.ensure(PackageInstaller.IPROUTE2);
        if (!PackageInstaller.isRoot()) {
            throw new IllegalStateException("an isolated network namespace needs root (ip netns add)");
        }
        byte[] id = new byte[5];
        RANDOM.nextBytes(id);
        IsolatedHost host = new IsolatedHost("cusax-" + HexFormat.of().formatHex(id));
        ip("netns", "add", host.name);
        IsolatedHosts.add(host);
        try {
            host.ipIn("link", "set", "lo", "up");
            host.ipIn("link", "add", "v0", "type", "veth", "peer", "name", "v1");
            host.ipIn("addr", "add", ADDRESS + "/32", "dev", "v0");
            host.ipIn("link", "set", "v0", "up");
            host.ipIn("link", "set", "v1", "up");
            String addresses = host.ipIn("-4", "-o", "addr", "show");
            if (!addresses.contains(LOOPBACK + "/8") || !addresses.contains(ADDRESS + "/32")) {
                throw new IllegalStateException("namespace " + host.name + " lacks its addresses:\n" + addresses);
            }
            LOG.info("isolated network namespace {} ready ({} and {})", host.name, LOOPBACK, ADDRESS);
            return host;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** The namespace's name ({@code cusax-} and 10 hex digits). */
    public String name() {
        return name;
    }

    @Override
    public List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(command);
        return all;
    }

    /** A one-shot command run inside the namespace. */
    public Command exec(String... command) {
        return Command.of(command(List.of(command)));
    }

    @Override
    public boolean tcpOpen(String address, int port) {
        return exec("bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + port).timeout(Duration.ofSeconds(5)).run().ok();
    }

    @Override
    public boolean udpBound(String address, int port) {
        Command.Result r = exec("ss", "-H", "-u", "-l", "-n", "src", address + ":" + port)
                .timeout(Duration.ofSeconds(5)).run();
        return r.ok() && !r.output().isBlank();
    }

    /** Process ids of every process in the namespace now. */
    public List<Long> pids() {
        Command.Result r = Command.of("ip", "netns", "pids", name).timeout(COMMAND_LIMIT).run();
        List<Long> pids = new ArrayList<>();
        if (r.ok()) {
            for (String line : r.output().split("\\s+")) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        }
        return pids;
    }

    /** Kills every process still in the namespace (SIGKILL) and deletes it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int round = 0; round < 3; round++) {
                List<ProcessHandle> left = pids().stream().map(ProcessHandle::of)
                        .flatMap(Optional::stream).toList();
                if (left.isEmpty()) {
                    break;
                }
                LOG.info("killing {} process(es) left in {}", left.size(), name);
                left.forEach(ProcessHandle::destroyForcibly);
                for (ProcessHandle h : left) {
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        LOG.warn("process {} in {} still alive after SIGKILL", h.pid(), name);
                    }
                }
            }
            Command.Result r = Command.of("ip", "netns", "del", name).timeout(COMMAND_LIMIT).run();
            if (!r.ok()) {
                LOG.warn("cannot delete network namespace {}: {}", name, r.output().strip());
            } else {
                LOG.info("isolated network namespace {} deleted", name);
            }
        } finally {
            IsolatedHosts.remove(this);
        }
    }

    /** True while {@code ip netns list} shows the namespace. */
    public boolean exists() {
        return Command.of("ip", "netns", "list").timeout(COMMAND_LIMIT).runOk().lines()
                .anyMatch(l -> l.equals(name) || l.startsWith(name + " "));
    }

    @Override
    public String toString() {
        return "netns " + name;
    }

    private String ipIn(String... args) {
        List<String> all = new ArrayList<>(List.of("ip", "-n", name));
        all.addAll(List.of(args));
        return Command.of(all).timeout(COMMAND_LIMIT).runOk();
    }

    private static String ip(String... args) {
        List<String> all = new ArrayList<>(List.of("ip"));
        all.addAll(List.of(args));
        return Command.of(all).timeout(COMMAND_LIMIT).runOk();
    }
}
