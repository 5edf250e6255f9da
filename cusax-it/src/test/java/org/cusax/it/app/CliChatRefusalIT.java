package org.cusax.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 6121 §8.5.2.2.1 and RFC 6120 §8.3 through {@code cusax chat} on real Prosody: a message to a user
 * who does not exist is answered {@code service-unavailable}; the command says {@code failed} with the
 * server's reason and exits 6 (never "acknowledged", exit 0), and the history keeps the message marked
 * failed. So is a message to a domain the server cannot reach (no server-to-server here). A message to a
 * real user, in the same run, is acknowledged (exit 0). A message never sent before the command ended is marked
 * so in the history.
 */
class CliChatRefusalIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cusax(String... args) {
        out.reset();
        err.reset();
        return new CusaxCli(new CusaxAssembly(), Map.of(), Path.of(System.getProperty("user.home")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private List<JsonNode> jsonLines() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }

    @Test
    void aMessageToAUserWhoDoesNotExistFailsWithTheServersReasonAndIsMarkedFailed() throws Exception {
        TestUser erin = TB.testbed().createUser("erin");
        TestUser frank = TB.testbed().createUser("frank");
        Path config = TB.testbed().writeClientConfig(erin, SipTransport.TLS);
        String nobody = "nobody-" + Long.toHexString(System.nanoTime()) + "@" + TB.testbed().domain();

        int code = cusax("chat", "--json", "-c", config.toString(), nobody, "anyone", "there?");
        assertThat(code).as("exit code; stdout %s stderr %s", out, err).isEqualTo(6);
        JsonNode result = jsonLines().get(0);
        assertThat(result.get("to").asText()).isEqualTo(nobody);
        assertThat(result.get("state").asText()).isEqualTo("failed");
        assertThat(result.get("reason").asText()).contains("service-unavailable");

        assertThat(cusax("chat", "-c", config.toString(), nobody, "still", "nobody?")).isEqualTo(6);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("message to " + nobody + " failed")
                .contains("service-unavailable");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("acknowledged");

        // a domain this server cannot reach (deploy/prosody: no server-to-server): refused too, with its reason
        assertThat(cusax("chat", "--json", "-c", config.toString(), "someone@elsewhere.invalid", "hi")).isEqualTo(6);
        JsonNode remote = jsonLines().get(0);
        assertThat(remote.get("state").asText()).isEqualTo("failed");
        assertThat(remote.get("reason").asText()).as("a sentence and the stanza error condition (RFC 6120 §8.3.3)")
                .matches(".+ \\([a-z-]+(: .*)?\\)");

        assertThat(cusax("chat", "--json", "-c", config.toString(), frank.jid(), "hello", "frank")).isZero();
        assertThat(jsonLines().get(0).get("state").asText()).isEqualTo("acknowledged");

        assertThat(cusax("history", "--json", "-c", config.toString(), "--contact", nobody)).isZero();
        List<JsonNode> history = jsonLines();
        assertThat(history).extracting(h -> h.get("body").asText()).containsExactly("anyone there?", "still nobody?");
        assertThat(history).allSatisfy(h -> assertThat(h.path("failed").asText()).contains("service-unavailable"));
        assertThat(cusax("history", "--json", "-c", config.toString(), "--contact", frank.jid())).isZero();
        assertThat(jsonLines()).singleElement().satisfies(h -> assertThat(h.has("failed")).isFalse());
    }

    /**
     * Nothing lost silently: a message {@code cusax chat} could not send before its timeout (the XMPP server does
     * not answer: exit 5) is not listed as sent in the history, but marked failed with why.
     */
    @Test
    void aMessageNeverSentBeforeTheCommandEndedIsMarkedNotSentInTheHistory() throws Exception {
        TestUser gina = TB.testbed().createUser("gina");
        Path config = TB.testbed().writeClientConfig(gina, SipTransport.TLS);
        int deadPort;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            deadPort = closed.getLocalPort(); // nothing listens there once closed
        }
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                .replace("xmpp.port = " + TB.testbed().prosody().c2sPort(), "xmpp.port = " + deadPort));
        String to = "henry@" + TB.testbed().domain();

        assertThat(cusax("chat", "-c", config.toString(), "--timeout", "2s", to, "are", "you", "there?"))
                .as("exit code; stdout %s stderr %s", out, err).isEqualTo(5);
        assertThat(cusax("history", "--json", "-c", config.toString(), "--contact", to)).isZero();
        assertThat(jsonLines()).singleElement().satisfies(h -> {
            assertThat(h.get("body").asText()).isEqualTo("are you there?");
            assertThat(h.path("failed").asText()).isEqualTo("not sent: cusax stopped before Chat was online");
        });
    }
}
