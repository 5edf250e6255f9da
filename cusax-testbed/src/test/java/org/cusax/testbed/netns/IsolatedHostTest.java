package org.cusax.testbed.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;
import org.cusax.testbed.process.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The isolated network namespace: only loopback addresses (127.0.0.1 on lo, 127.0.0.2 on its veth
 * end), servers started in it listen there and not on this machine, and closing it leaves no
 * process and no namespace behind.
 */
class IsolatedHostTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void hasOnlyLoopbackAddressesAndClosingKillsWhatRunsInIt() throws Exception {
        IsolatedHost host = IsolatedHost.create();
        ServerProcess sleeper;
        try {
            assertThat(host.name()).matches("cusax-[0-9a-f]{10}");
            assertThat(host.exists()).isTrue();
            String addresses = host.exec("ip", "-4", "-o", "addr", "show").runOk();
            List<String> inet = addresses.lines().map(l -> l.replaceAll(".* inet (\\S+) .*", "$1")).toList();
            assertThat(inet).containsExactlyInAnyOrder("127.0.0.1/8", "127.0.0.2/32");
            // what runs inside sees the namespace's addresses and routes, and no default route out
            assertThat(host.exec("ip", "-4", "route", "show", "default").runOk()).isBlank();
            sleeper = new ServerProcess("sleeper", host.command(List.of("sleep", "300")), java.util.Map.of(), dir,
                    dir.resolve("sleeper.log"), List.of());
            sleeper.start(Duration.ofSeconds(10), () -> true);
            long pid = sleeper.pid();
            assertThat(Waits.until(Duration.ofSeconds(10), () -> host.pids().contains(pid))).isTrue();
        } finally {
            host.close();
        }
        assertThat(host.exists()).isFalse();
        assertThat(Waits.until(Duration.ofSeconds(10), () -> !sleeper.isRunning())).isTrue();
    }

    @Test
    void kamailioInsideListensOnTheNamespacesLoopbackOnly() {
        try (IsolatedHost host = IsolatedHost.create();
             Testbed tb = Testbed.start(TestbedOptions.defaults().withProsody(false), host)) {
            int tcp = tb.kamailio().tcpPort();
            assertThat(tb.host()).isSameAs(host);
            assertThat(host.tcpOpen("127.0.0.1", tcp)).isTrue();
            assertThat(host.udpBound("127.0.0.1", tb.kamailio().udpPort())).isTrue();
            assertThat(ProcessHost.LOCAL.tcpOpen("127.0.0.1", tcp)).as("reachable from outside the namespace").isFalse();
            // kamcmd reaches it through its unix socket, so users are added as usual
            tb.createUser("alice");
            assertThat(tb.kamailio().registeredContacts("alice")).isEmpty();
        }
    }
}
