package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.history.JsonLinesHistoryStore;
import org.cusax.core.call.CallDirection;
import org.cusax.core.chat.Direction;
import org.cusax.core.history.CallOutcome;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.ChatRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cusax history}: reads the account's history file without logging in. */
class HistoryCommandTest {
    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    @TempDir
    Path dir;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("cusax.conf");
        Files.writeString(config, "xmpp.jid = alice@cusax.test\nxmpp.password = x\nhistory.dir = " + dir.resolve("h") + "\n");
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(dir.resolve("h/alice@cusax.test/history.jsonl"));
        store.append(new CallRecord("c1", T, CallDirection.INCOMING, "sip:bob@cusax.test", Optional.of("bob@cusax.test"),
                Duration.ofSeconds(3), CallOutcome.ANSWERED));
        store.append(new CallRecord("c2", T.plusSeconds(5), CallDirection.OUTGOING, "sip:x@y.test", Optional.empty(),
                Duration.ZERO, CallOutcome.BUSY));
        store.append(new ChatRecord("m1", T.plusSeconds(9), Direction.INCOMING, "bob@cusax.test", "hello"));
    }

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CusaxCli(cfg -> {
            throw new AssertionError("history must not start a client");
        }, Map.of(), dir, o, e).withZone(ZoneId.of("Europe/Paris")).execute(args);
    }

    @Test
    void oneContactsConversationAsJsonLines() {
        assertThat(run("history", "-c", config.toString(), "--contact", "bob@cusax.test", "--json")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"kind\":\"call\"").contains("\"outcome\":\"answered\"")
                .contains("\"contact\":\"bob@cusax.test\"").contains("\"durationMs\":3000");
        assertThat(lines[1]).contains("\"kind\":\"chat\"").contains("\"body\":\"hello\"");
    }

    @Test
    void timesAreInTheUsersTimeZoneToTheSecondAndWithTheirOffsetInJson() {
        assertThat(run("history", "-c", config.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).first().asString()
                .startsWith("2026-03-01 10:30:00  call incoming");
        out.reset();
        assertThat(run("history", "-c", config.toString(), "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).first().asString()
                .contains("\"at\":\"2026-03-01T10:30:00+01:00\"");
    }

    @Test
    void aRefusedMessageIsShownOnceMarkedFailed() throws Exception {
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(dir.resolve("h/alice@cusax.test/history.jsonl"));
        ChatRecord sent = new ChatRecord("m2", T.plusSeconds(20), Direction.OUTGOING, "nobody@cusax.test", "anyone?");
        store.append(sent);
        store.append(sent.failed("the recipient's server does not accept this message (service-unavailable)"));
        assertThat(run("history", "-c", config.toString(), "--contact", "nobody@cusax.test", "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().toList()).singleElement().asString()
                .contains("\"id\":\"m2\"").contains("\"failed\":\"the recipient's server does not accept");
        out.reset();
        assertThat(run("history", "-c", config.toString(), "--contact", "nobody@cusax.test")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("anyone?").contains("[failed: the recipient's");
    }

    @Test
    void limitKeepsTheNewest() {
        assertThat(run("history", "-c", config.toString(), "--limit", "1", "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).singleElement()
                .satisfies(l -> assertThat(l).contains("\"id\":\"m1\""));
    }

    @Test
    void humanOutputAndBadArguments() {
        assertThat(run("history", "-c", config.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("busy").contains("hello");
        assertThat(run("history", "-c", config.toString(), "--contact", "not a jid")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("history", "-c", config.toString(), "--contact", "not-a-jid")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'not-a-jid' is not a contact's JID");
        assertThat(run("history", "-c", config.toString(), "--limit", "-1")).isEqualTo(ExitCodes.USAGE);
    }
}
