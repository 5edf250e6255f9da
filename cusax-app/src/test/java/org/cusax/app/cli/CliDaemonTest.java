package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.app.assembly.ClientFactory;
import org.cusax.app.daemon.Daemon;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.RosterItem;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CLI against a running daemon (issue 10 item 4): commands go to the daemon's one session (no second
 * login), the live-session verbs act on its calls, and without a daemon they say how to start one.
 */
class CliDaemonTest {
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "x", "cusax.test", "SCRAM-SHA-1");

    @TempDir
    Path home;
    private Path config;
    private final AtomicInteger logins = new AtomicInteger();
    private FakeChatPort chat;
    private FakeTelephonyPort telephony;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private Daemon daemon;

    private final ClientFactory factory = cfg -> {
        logins.incrementAndGet();
        chat = new FakeChatPort().whenStarted(p -> {
            p.goOnline(TLS);
            p.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both")));
            p.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE"),
                    RawTel.of("01 84 88 00 12", "WORK", "VOICE")));
            p.callbacks().onContactsLoaded(1);
        });
        telephony = new FakeTelephonyPort().whenStarted(p -> p.register(TLS));
        return new CusaxClient(cfg.link(), Optional.of(chat), Optional.of(telephony), new EventBus(),
                new ContactBook(new AddressNormalizer("FR")), cfg.contacts().telPreference());
    };

    @BeforeEach
    void writeConfig() throws Exception {
        config = home.resolve("cusax.conf");
        Files.writeString(config, """
                xmpp.jid = alice@cusax.test
                xmpp.password = xpw
                sip.aor = sip:alice@cusax.test
                sip.password = spw
                contacts.default-region = FR
                history.dir =
                """);
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        CusaxCli cli = new CusaxCli(factory, Map.of(), home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-c";
        all[args.length + 1] = config.toString();
        return cli.execute(all);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void startDaemon() throws Exception {
        ClientConfig cfg = new ClientConfigLoader(Map.of(), home).load(ConfigFile.read(config));
        daemon = Daemon.start(cfg, factory, new SecureRandom());
        daemon.client().awaitSettled(Duration.ofSeconds(5));
        daemon.client().awaitContactsLoaded(Duration.ofSeconds(5));
    }

    @Test
    void withoutADaemonTheLiveVerbsSayHowToStartOne() {
        assertThat(run("answer")).isEqualTo(ExitCodes.DAEMON);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no daemon runs for alice@cusax.test").contains("cusax serve");
        assertThat(run("presence", "away")).isEqualTo(ExitCodes.DAEMON);
        assertThat(logins).hasValue(0);
    }

    @Test
    void commandsGoToTheDaemonsOneSession() throws Exception {
        startDaemon();
        assertThat(run("status", "--json")).isEqualTo(ExitCodes.OK);
        JsonNode status = new ObjectMapper().readTree(stdout());
        assertThat(status.at("/telephony/state").asText()).isEqualTo("online");
        assertThat(run("roster")).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("bob@cusax.test").contains("[Call]").contains("tel:+33612345678");
        assertThat(run("presence", "dnd", "in", "a", "meeting")).isEqualTo(ExitCodes.OK);
        // our presence is written on the XMPP half's own executor
        assertThat(org.cusax.core.testing.Eventually.holds(() -> !chat.presences().isEmpty(),
                java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(chat.presences()).last().satisfies(p -> assertThat(p.status()).isEqualTo("in a meeting"));
        assertThat(run("history", "--json")).isEqualTo(ExitCodes.OK);
        assertThat(logins).as("one login: the daemon's").hasValue(1);
    }

    /** RFC 7081 §4: a contact's numbers are listed (label + number); --number picks one. */
    @Test
    void aContactWithSeveralNumbersIsCalledOnTheNumberPicked() throws Exception {
        startDaemon();
        assertThat(run("call", "bob@cusax.test")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bob@cusax.test has several numbers")
                .contains("1. mobile tel:+33612345678").contains("2. work tel:+33184880012");
        assertThat(telephony.placedCalls()).isEmpty();
        telephony.whenCallPlaced(r -> telephony.endCall(r.callId(),
                org.cusax.core.call.EndReason.fromStatus(486, "Busy Here")));
        assertThat(run("call", "bob@cusax.test", "--number", "work", "--json")).isEqualTo(ExitCodes.CALL_FAILED);
        assertThat(telephony.placedCalls()).singleElement()
                .satisfies(r -> assertThat(r.target()).isEqualTo("sip:+33184880012@cusax.test;user=phone"));
        assertThat(stdout()).contains("\"type\":\"call-ended\"").contains("\"sipStatus\":486");
        assertThat(logins).hasValue(1);
    }

    @Test
    void anIncomingCallIsAnsweredAndHungUpFromTheCommandLine() throws Exception {
        startDaemon();
        assertThat(run("hangup")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no call to hang up");
        telephony.callbacks().onIncomingCall("in-1", CallerClaims.fromOnly("sip:carol@cusax.test"));
        daemon.client().awaitCall("in-1", org.cusax.core.call.CallState.RINGING, Duration.ofSeconds(5));
        assertThat(run("answer")).isEqualTo(ExitCodes.OK);
        telephony.callbacks().onCallAnswered("in-1");
        daemon.client().awaitCall("in-1", org.cusax.core.call.CallState.ANSWERED, Duration.ofSeconds(5));
        assertThat(run("dtmf", "42")).isEqualTo(ExitCodes.OK);
        assertThat(run("hold", "in-1")).isEqualTo(ExitCodes.OK);
        assertThat(run("hangup", "in-1")).isEqualTo(ExitCodes.OK);
        assertThat(telephony.actions()).containsSubsequence("answer in-1", "dtmf in-1 42", "hold in-1", "hangup in-1");
    }

    @Test
    void aSecondServeForTheSameAccountNamesTheProcessHoldingIt() throws Exception {
        startDaemon();
        assertThat(run("serve", "--for", "1ms")).isEqualTo(ExitCodes.DAEMON);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already running")
                .contains("pid " + ProcessHandle.current().pid());
        assertThat(logins).hasValue(1);
    }
}
