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
import org.junit.jupiter.api.Test;

/**
 * The README's main job, {@code ./cusax demo}, run in-process with the real composition root: it
 * starts the real servers itself, brings both users online on both halves, chats, calls over SIP with
 * a tone that is recorded and analysed on the other side, survives the kill of the chat server, and
 * exits 0 having stopped everything.
 */
class DemoCommandIT {
    @Test
    void demoRunsEndToEndAndEveryHalfComesOnline() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CusaxCli(new CusaxAssembly(), Map.of(), Path.of(System.getProperty("user.home")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute("demo", "--json");
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr: %s%nstdout: %s", err, stdout).isZero();

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = stdout.lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        for (String user : List.of("alice", "bob")) {
            for (String label : List.of("Chat", "Telephony")) {
                assertThat(lines).as("%s %s online", user, label).anyMatch(n -> n.path("user").asText().equals(user)
                        && n.path("type").asText().equals("connection") && n.path("label").asText().equals(label)
                        && n.path("state").asText().equals("online") && n.path("security").path("encrypted").asBoolean());
            }
        }
        assertThat(lines).anyMatch(n -> n.path("user").asText().equals("bob")
                && n.path("type").asText().equals("chat-received")
                && n.path("body").asText().equals("Bob, I wrote this while the chat server was down."));
        assertThat(lines).anyMatch(n -> n.path("user").asText().equals("alice")
                && n.path("type").asText().equals("connection") && n.path("label").asText().equals("Chat")
                && n.path("state").asText().equals("reconnecting"));
        assertThat(lines).anyMatch(n -> n.path("user").asText().equals("alice")
                && n.path("type").asText().equals("call-answered"));
        assertThat(lines).anyMatch(n -> n.path("text").asText().contains("the tone crossed the call"));
        assertThat(lines.get(lines.size() - 1).path("text").asText()).contains("Demo finished");
    }
}
