package org.cusax.it.provisioning;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;

/**
 * A real DNS server for one test: Debian's dnsmasq on 127.0.0.1 and a free port, answering only from
 * the records given (SRV, NAPTR, ...) for one domain; no upstream, no /etc/hosts. Stopped by close().
 */
final class LoopbackDns implements AutoCloseable {
    private final ServerProcess process;
    private final int port;

    private LoopbackDns(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param records dnsmasq options such as {@code --srv-host=_sips._tcp.D,sip.D,5061} */
    static LoopbackDns start(Path dir, String name, String domain, List<String> records) {
        int port = FreePorts.next();
        List<String> cmd = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts",
                "--conf-file=/dev/null", "--listen-address=127.0.0.1", "--bind-interfaces", "--port=" + port,
                "--local=/" + domain + "/", "--pid-file", "--user=root", "--log-queries", "--log-facility=-"));
        cmd.addAll(records);
        ServerProcess p = new ServerProcess("dnsmasq-" + name, cmd, Map.of(), dir, dir.resolve("dnsmasq-" + name + ".log"),
                List.of());
        p.start(Duration.ofSeconds(10), () -> ProcessHost.LOCAL.udpBound("127.0.0.1", port));
        return new LoopbackDns(p, port);
    }

    /** {@code 127.0.0.1:PORT}, for {@code --dns-server}. */
    String server() {
        return "127.0.0.1:" + port;
    }

    /** The queries it answered (its log). */
    String log() {
        return process.logTail(200);
    }

    @Override
    public void close() {
        process.stop();
    }
}
