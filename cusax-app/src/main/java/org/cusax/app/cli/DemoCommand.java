package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.service.Half;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.sip.SipTransport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The interim main job, until the in-process sandbox exists: starts real Prosody and Kamailio on
 * 127.0.0.1, logs in alice and bob through the normal client path, and walks through what the
 * foundation does — both halves secured, chat, a chat-server crash survived without losing a message.
 */
@Command(name = "demo", description = "Start real test servers and show two users on both halves (interim main job).")
final class DemoCommand implements Callable<Integer> {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @ParentCommand
    CusaxCli cli;

    @Option(names = "--keep", description = "Keep the servers and both clients running until Ctrl-C, to try other commands.")
    boolean keep;

    @Option(names = "--no-crash", description = "Skip the chat-server crash part.")
    boolean noCrash;

    private JsonWriter json;

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(cli.verbosity());
        json = new JsonWriter(cli.out);
        say("Starting Prosody (XMPP) and Kamailio (SIP) on 127.0.0.1 with a fresh test CA...");
        try (StopSignal signal = new StopSignal(); Testbed tb = Testbed.start(TestbedOptions.defaults().withDigestAlgorithm(DigestAlgorithm.SHA_256))) {
            TestUser alice = tb.createUser("alice");
            TestUser bob = tb.createUser("bob");
            Path aliceConf = tb.writeClientConfig(alice, SipTransport.TLS);
            Path bobConf = tb.writeClientConfig(bob, SipTransport.TLS);
            say("Servers up for domain " + tb.domain() + " (run directory " + tb.runDir() + ")");
            try (CusaxClient a = start(aliceConf, "alice"); CusaxClient b = start(bobConf, "bob")) {
                showStatus("alice", a.awaitSettled(SETTLE).halves(), a);
                showStatus("bob", b.awaitSettled(SETTLE).halves(), b);
                if (!a.status().allOnline() || !b.status().allOnline()) {
                    cli.err.println("cusax demo: not every half came online; see the reasons above");
                    return ExitCodes.NOT_ONLINE;
                }
                chat(a, b, bob.jid(), "Hello Bob, this is Alice over XMPP.");
                if (!new DemoCall(this::say).run(a, b, bob.sipAor(), tb.runDir().resolve("bob-recording.wav"))) {
                    cli.err.println("cusax demo: the call did not carry the tone; see above");
                    return ExitCodes.CALL_FAILED;
                }
                if (!noCrash) {
                    crashChatServer(tb, a, b, bob.jid());
                }
                if (keep) {
                    say("Servers and clients keep running; press Ctrl-C to stop. Meanwhile, try:");
                    say("  ./cusax status -c " + aliceConf + "    ./cusax listen -c " + bobConf + " --json");
                    say("  ./cusax chat -c " + aliceConf + " " + bob.jid() + " hello");
                    signal.await(null);
                }
            }
        }
        say("Demo finished: clients logged out, servers stopped.");
        return ExitCodes.OK;
    }

    private CusaxClient start(Path configFile, String who) {
        ClientConfig config = new ClientConfigLoader(Map.of(), Path.of(System.getProperty("user.home")))
                .load(ConfigFile.read(configFile));
        CusaxClient client = cli.factory().create(config);
        if (cli.json) {
            client.subscribe(e -> {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("user", who);
                m.putAll(JsonModel.event(e, client.link()));
                json.line(m);
            });
        }
        client.start();
        return client;
    }

    private void showStatus(String who, java.util.List<ConnectionStatus> halves, CusaxClient client) {
        for (ConnectionStatus s : halves) {
            say(String.format("%-6s %s", who, HumanFormat.half(s, client.link())));
        }
    }

    private void chat(CusaxClient from, CusaxClient to, String toJid, String text) throws InterruptedException {
        CountDownLatch received = new CountDownLatch(1);
        try (AutoCloseable sub = to.subscribe(e -> {
            if (e instanceof ChatMessageReceived r && r.message().body().equals(text)) {
                say("bob    received from " + r.message().peer() + ": \"" + r.message().body() + "\"");
                received.countDown();
            }
        })) {
            ChatMessage m = from.sendChat(toJid, text);
            say("alice  sends to " + toJid + ": \"" + text + "\"");
            DeliveryState state = from.awaitDelivery(m.id(), SETTLE).orElse(DeliveryState.ACKNOWLEDGED);
            say("alice  message " + state.name().toLowerCase(java.util.Locale.ROOT) + " by the server");
            received.await(SETTLE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void crashChatServer(Testbed tb, CusaxClient a, CusaxClient b, String bobJid) throws Exception {
        String text = "Bob, I wrote this while the chat server was down.";
        CountDownLatch received = new CountDownLatch(1);
        try (AutoCloseable sub = b.subscribe(e -> {
            if (e instanceof ChatMessageReceived r && r.message().body().equals(text)) {
                say("bob    received after reconnection: \"" + text + "\"");
                received.countDown();
            }
        })) {
            say("Now: kill -9 of the XMPP server (Prosody)...");
            tb.prosody().kill9();
            waitFor(a, Half.CHAT, ConnectionState.RECONNECTING);
            showStatus("alice", a.status().halves(), a);
            say("Telephony is still registered: an OPTIONS through Kamailio to alice gets "
                    + tb.kamailio().probe().options("alice"));
            ChatMessage m = a.sendChat(bobJid, text);
            say("alice  sends while Chat is down: \"" + text + "\" ("
                    + a.awaitDelivery(m.id(), Duration.ZERO).map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                    .orElse("?") + ")");
            say("Restarting Prosody...");
            tb.prosody().start();
            waitFor(a, Half.CHAT, ConnectionState.ONLINE);
            showStatus("alice", a.status().halves(), a);
            DeliveryState state = a.awaitDelivery(m.id(), SETTLE).orElse(DeliveryState.ACKNOWLEDGED);
            say("alice  queued message " + state.name().toLowerCase(java.util.Locale.ROOT) + " by the server");
            if (!received.await(SETTLE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                say("bob    did not receive it in time");
            }
        }
    }

    private static void waitFor(CusaxClient c, Half half, ConnectionState state) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            ConnectionStatus s = half == Half.CHAT ? c.status().chat() : c.status().telephony();
            if (s.state() == state) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private void say(String line) {
        if (cli.json) {
            json.line(Map.of("type", "demo", "text", line));
        } else {
            cli.out.println(line);
            cli.out.flush();
        }
    }
}
