package org.cusax.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.sip.SipTransport;

/**
 * Runs a testbed for a demo or manual testing: both servers, users (default alice and bob), one
 * cusax.conf per user, then one JSON line on stdout describing it all. Runs until stdin closes
 * (or, with {@code --no-stdin}, until SIGTERM/SIGINT), stopping the servers on the way out.
 *
 * <pre>
 * Options: --domain D          domain (default cusax.test)
 *          --users a,b,...     users to create (default alice,bob)
 *          --transport T       sip.transport written to the configs: udp, tcp, tls (default tls)
 *          --digest A          MD5 or SHA-256 (default MD5)
 *          --base-dir DIR      parent of the run directory (default: system temp directory)
 *          --keep              keep the run directory after exit
 *          --no-stdin          ignore stdin; run until a signal
 *          --verbose           debug-level server logs
 *          --isolated          run the servers in a new isolated network namespace (see
 *                              org.cusax.testbed.netns.IsolatedHost; needs root); its name is
 *                              printed as "netns": run clients with ip netns exec NAME ...
 * </pre>
 */
public final class TestbedMain {

    private TestbedMain() {
    }

    public static void main(String[] args) throws Exception {
        TestbedOptions options = TestbedOptions.defaults();
        List<String> userNames = List.of("alice", "bob");
        SipTransport transport = SipTransport.TLS;
        boolean useStdin = true;
        boolean isolated = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--domain" -> options = options.withDomain(value(args, ++i, a));
                case "--users" -> userNames = List.of(value(args, ++i, a).split(","));
                case "--transport" -> transport = SipTransport.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT));
                case "--digest" -> options = options.withDigestAlgorithm(digest(value(args, ++i, a)));
                case "--base-dir" -> options = options.withBaseDir(Path.of(value(args, ++i, a)));
                case "--keep" -> options = options.withKeepRunDir(true);
                case "--no-stdin" -> useStdin = false;
                case "--verbose" -> options = options.withVerboseLogs(true);
                case "--isolated" -> isolated = true;
                default -> {
                    System.err.println("unknown option " + a + " (see the class documentation of TestbedMain)");
                    System.exit(2);
                }
            }
        }
        IsolatedHost netns = isolated ? IsolatedHost.create() : null;
        Testbed tb;
        try {
            tb = Testbed.start(options, netns == null ? ProcessHost.LOCAL : netns);
        } catch (RuntimeException e) {
            if (netns != null) {
                netns.close();
            }
            throw e;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runnable closeAll = () -> {
            tb.close();
            if (netns != null) {
                netns.close();
            }
        };
        Thread hook = new Thread(() -> {
            closeAll.run();
            done.countDown();
        }, "testbed-main-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Path> configs = new ArrayList<>();
        List<TestUser> users = new ArrayList<>();
        for (String name : userNames) {
            TestUser u = tb.createUser(name.strip());
            users.add(u);
            configs.add(tb.writeClientConfig(u, transport));
        }
        String json = json(tb, users, configs, transport);
        System.out.println(netns == null ? json : json.replaceFirst("\\{", "{\"netns\":" + q(netns.name()) + ","));
        System.out.flush();
        if (useStdin) {
            drain(System.in);
            closeAll.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        } else {
            done.await();
        }
    }

    private static String json(Testbed tb, List<TestUser> users, List<Path> configs, SipTransport transport) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"runDir\":").append(q(tb.runDir().toString()));
        b.append(",\"domain\":").append(q(tb.domain()));
        b.append(",\"caCertificate\":").append(q(tb.caCertificate().toString()));
        b.append(",\"xmpp\":{\"host\":").append(q(tb.prosody().host()))
                .append(",\"port\":").append(tb.prosody().c2sPort())
                .append(",\"log\":").append(q(tb.prosody().logFile().toString())).append('}');
        b.append(",\"sip\":{\"host\":").append(q(tb.kamailio().host()))
                .append(",\"udpPort\":").append(tb.kamailio().udpPort())
                .append(",\"tcpPort\":").append(tb.kamailio().tcpPort())
                .append(",\"tlsPort\":").append(tb.kamailio().tlsPort())
                .append(",\"transport\":").append(q(transport.token()))
                .append(",\"digestAlgorithm\":").append(q(tb.kamailio().digestAlgorithm().token()))
                .append(",\"log\":").append(q(tb.kamailio().logFile().toString())).append('}');
        b.append(",\"users\":[");
        for (int i = 0; i < users.size(); i++) {
            TestUser u = users.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"name\":").append(q(u.name()))
                    .append(",\"jid\":").append(q(u.jid()))
                    .append(",\"sipAor\":").append(q(u.sipAor()))
                    .append(",\"config\":").append(q(configs.get(i).toString()))
                    .append(",\"passwordFile\":").append(q(tb.runDir().resolve(u.name() + ".password").toString()))
                    .append('}');
        }
        return b.append("]}").toString();
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static DigestAlgorithm digest(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "MD5" -> DigestAlgorithm.MD5;
            case "SHA-256", "SHA256" -> DigestAlgorithm.SHA_256;
            default -> throw new IllegalArgumentException("digest must be MD5 or SHA-256: " + s);
        };
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1024];
        while (in.read(buf) >= 0) {
            // wait for end of input
        }
    }
}
