package org.cusax.bench.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.sip.SipTransport;

/**
 * Real Kamailio (cusax-testbed, {@code deploy/} config) in a network namespace of its own (baresip refuses
 * 127.0.0.1, so it listens on {@link IsolatedHost#ADDRESS} there), with two callees registered over UDP: the
 * real {@code cusax listen --answer auto} (a child JVM playing a tone) and baresip (answering automatically).
 * sipp calls them from inside the namespace. Everything is stopped and the namespace deleted on close.
 */
final class SipWorld implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(90);
    private final IsolatedHost host;
    private final Testbed testbed;
    private final Path dir;
    private CusaxChild cusax;
    private BaresipUa baresip;
    private TestUser cusaxUser;
    private TestUser baresipUser;

    private SipWorld(IsolatedHost host, Testbed testbed, Path dir) {
        this.host = host;
        this.testbed = testbed;
        this.dir = dir;
    }

    /** Starts Kamailio, cusax and (when {@code withBaresip}) baresip; returns once both are registered. */
    static SipWorld start(Path dir, boolean withBaresip) throws Exception {
        IsolatedHost host = IsolatedHost.create();
        SipWorld w;
        try {
            w = new SipWorld(host, Testbed.start(TestbedOptions.defaults().withProsody(false), host), dir);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        try {
            w.startCallees(withBaresip);
            return w;
        } catch (Exception | Error e) {
            w.close();
            throw e;
        }
    }

    private void startCallees(boolean withBaresip) throws Exception {
        Files.createDirectories(dir);
        Path tone = Tones.wav(dir.resolve("callee-tone.wav"), 600, Duration.ofSeconds(120));
        cusaxUser = testbed.createUser("cusaxcallee");
        Path conf = testbed.writeClientConfig(cusaxUser, SipTransport.UDP);
        cusax = CusaxChild.start(host, dir, dir.resolve("cusax-home"), "cusax-listen", List.of("listen", "--json",
                "-c", conf.toString(), "--answer", "auto", "--play", tone.toString()));
        cusax.await("connection", e -> e.path("half").asText().equals("telephony")
                && e.path("state").asText().equals("online"), STARTUP);
        if (withBaresip) {
            baresipUser = testbed.createUser("baresipcallee");
            BaresipAccount account = new BaresipAccount(baresipUser.name(), testbed.domain(), baresipUser.password(),
                    SipTransport.UDP, testbed.kamailio().host(), testbed.kamailio().udpPort(), false);
            baresip = BaresipUa.start(dir.resolve("baresip"), host, IsolatedHost.ADDRESS, account,
                    testbed.caCertificate(), tone, STARTUP);
        }
    }

    IsolatedHost host() {
        return host;
    }

    Testbed testbed() {
        return testbed;
    }

    CusaxChild cusax() {
        return cusax;
    }

    String cusaxUser() {
        return cusaxUser.name();
    }

    String baresipUser() {
        return baresipUser.name();
    }

    boolean hasBaresip() {
        return baresip != null;
    }

    @Override
    public void close() {
        try {
            if (cusax != null) {
                cusax.close();
            }
            if (baresip != null) {
                baresip.close();
            }
        } finally {
            try {
                testbed.close();
            } finally {
                host.close();
            }
        }
    }

    /** The cusax callee's process: its CPU time is what the G.711 benchmark reads. */
    long cusaxPid() {
        return cusax.pid();
    }

    Path dir() {
        return dir;
    }
}
