package org.cusax.app.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.demo.DemoUser;

/** What a running sandbox offers: addresses, demo credentials, configuration files (human or JSON). */
final class SandboxReport {
    private SandboxReport() {
    }

    static Map<String, Object> json(Sandbox s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "sandbox");
        m.put("domain", s.domain());
        m.put("dir", s.workDir().toString());
        m.put("ca", s.caCertificateFile().toString());
        m.put("xmpp", Map.of("host", s.xmpp().host(), "port", s.xmpp().port()));
        m.put("sip", Map.of("host", s.sip().host(), "udp", s.sip().udpPort(), "tcp", s.sip().tcpPort(),
                "tls", s.sip().tlsPort()));
        List<Map<String, Object>> users = s.users().stream().map(u -> {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("user", u.name());
            um.put("password", u.password());
            um.put("jid", u.jid());
            um.put("sip", u.sipAor());
            um.put("number", u.number());
            um.put("config", u.configFile().toString());
            return um;
        }).toList();
        m.put("provisioning", s.provisioningUrl().toString());
        m.put("users", users);
        m.put("peers", Map.of("greeting", s.greetingAor(), "busy", s.busyAor(), "echo", s.echoJid()));
        return m;
    }

    static void human(Sandbox s, PrintStream out) {
        String host = s.xmpp().host();
        out.println("cusax sandbox for domain " + s.domain() + " (everything on " + host + ", not for production)");
        out.printf("  XMPP  %s:%d  (STARTTLS required, SCRAM-SHA-1)%n", host, s.xmpp().port());
        out.printf("  SIP   %s  udp %d, tcp %d, tls %d  (digest %s)%n", s.sip().host(), s.sip().udpPort(),
                s.sip().tcpPort(), s.sip().tlsPort(), String.join(", ", s.sip().digestAlgorithms()));
        out.println("  CA    " + s.caCertificateFile() + "  (trust this certificate on both halves)");
        out.println("  Provisioning  " + s.provisioningUrl() + "  (sign in with user id and password, RFC 7081 §2)");
        out.println("  Demo accounts (one password, set in the sandbox's directory, for provisioning and both halves):");
        for (DemoUser u : s.users()) {
            out.printf("    %-6s password %-6s  %-18s %-20s %s%n", u.name(), u.password(), u.jid(), u.sipAor(), u.number());
        }
        out.println("  Demo peers: " + s.greetingAor() + " answers with a spoken greeting, " + s.busyAor()
                + " is always busy (486), " + s.echoJid() + " echoes chat messages");
        out.println("  Client configuration of the demo user: " + s.demoUser().configFile());
        out.flush();
    }
}
