package org.cusax.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.sandbox.Sandbox;

import picocli.CommandLine;

/**
 * The demo's interactive terminal session: reads command lines and runs the normal CLI commands
 * ({@code status}, {@code roster}, {@code chat}, {@code call}, {@code history}) against the live client,
 * until {@code quit}, the end of the input, or Ctrl-C.
 */
final class DemoSession {
    private static final Set<String> COMMANDS = Set.of("status", "roster", "chat", "call", "history");
    private static final String EOF = "\u0000eof";

    private final CusaxCli cli;
    private final CusaxClient client;
    private final Path configFile;

    DemoSession(CusaxCli cli, CusaxClient client, Path configFile) {
        this.cli = cli;
        this.client = client;
        this.configFile = configFile;
    }

    /** What to try, for people; under {@code --json} one {@code {"type":"help","text":…}} object. */
    static void printWhatToTry(CusaxCli cli, Sandbox s) {
        show(cli, null, whatToTry(s));
    }

    static String whatToTry(Sandbox s) {
        String d = s.domain();
        Path conf = s.demoUser().configFile();
        Path aliceConf = s.users().get(1).configFile();
        StringBuilder b = new StringBuilder();
        b.append("What to try (commands run as ").append(s.demoUser().jid()).append("; 'help' repeats this, ")
                .append("'help COMMAND' shows its options, 'quit' stops):\n");
        tryLine(b, "status", "both halves, their TLS and identity checks");
        tryLine(b, "roster", "the contacts, their numbers, which can be called");
        tryLine(b, "chat " + s.echoJid() + " Hello there", "the echo peer sends the same text back");
        tryLine(b, "call greeting@" + d + " --record greeting.wav", "the greeting peer speaks, then hangs up");
        tryLine(b, "call busy@" + d, "486 Busy Here");
        tryLine(b, "call alice@" + d + " --dry-run", "how a contact with two numbers is routed");
        tryLine(b, "history", "the calls and messages so far");
        b.append("In another terminal, log in as alice and call or chat with her:\n");
        b.append("  ./cusax listen -c ").append(aliceConf).append('\n');
        b.append("  then here: call +33612345678 --hangup-after 3    or    chat alice@").append(d).append(" Hi Alice\n");
        b.append("Or use the demo user's configuration with any command: ./cusax status -c ").append(conf).append('\n');
        return b.toString();
    }

    private static void tryLine(StringBuilder b, String command, String what) {
        b.append(String.format("  %-48s %s%n", command, what));
    }

    /** Help text: as it is for people, one JSON object under {@code --json} (the stream stays one object a line). */
    private static void show(CusaxCli cli, String command, String text) {
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "help");
            if (command != null) {
                m.put("command", command);
            }
            m.put("text", text);
            new JsonWriter(cli.out).line(m);
        } else {
            cli.out.print(text);
            cli.out.flush();
        }
    }

    /** Runs until quit, end of input or {@code stop} fired (Ctrl-C). */
    void run(Sandbox sandbox, StopSignal stop) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(lines), "cusax-demo-input");
        reader.setDaemon(true);
        reader.start();
        prompt();
        while (true) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (stop.await(Duration.ZERO)) {
                    return;
                }
                continue;
            }
            if (line.equals(EOF)) {
                return;
            }
            List<String> words = words(line);
            if (words.isEmpty()) {
                prompt();
                continue;
            }
            String command = words.get(0);
            if (command.equals("quit") || command.equals("exit")) {
                return;
            }
            if (command.equals("help") && words.size() > 1) {
                help(words.get(1));
            } else if (command.equals("help")) {
                printWhatToTry(cli, sandbox);
            } else if (!COMMANDS.contains(command)) {
                cli.err.println("cusax demo: '" + command + "' is not a session command; try one of "
                        + "status, roster, chat, call, history, help, quit");
            } else {
                // the shared options right after the command name, before its (possibly variadic) parameters
                List<String> args = new ArrayList<>(List.of(command, "-c", configFile.toString()));
                if (cli.json) {
                    args.add("--json");
                }
                args.addAll(words.subList(1, words.size()));
                // a fresh CLI object per command: picocli takes a field's current value as its default, so a
                // flag set by one command would be toggled off by the next
                int code = cli.withSession(client).execute(args.toArray(String[]::new));
                if (code != ExitCodes.OK && cli.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", "exit");
                    m.put("command", command);
                    m.put("exitCode", code);
                    new JsonWriter(cli.out).line(m);
                } else if (code != ExitCodes.OK) {
                    cli.out.println("(exit code " + code + ")");
                }
            }
            prompt();
        }
    }

    /** {@code help COMMAND}: that command's own help (its options), as {@code cusax COMMAND --help} prints it. */
    private void help(String command) {
        if (!COMMANDS.contains(command)) {
            cli.err.println("cusax demo: no help for '" + command + "'; the session commands are "
                    + "status, roster, chat, call, history, help, quit");
            return;
        }
        show(cli, command, new CommandLine(cli.withSession(client)).getSubcommands().get(command)
                .getUsageMessage(cli.json ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO));
    }

    private void prompt() {
        if (!cli.json) {
            cli.out.print("cusax> ");
            cli.out.flush();
        }
    }

    private void read(BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            cli.err.println("cusax demo: cannot read the input: " + e.getMessage());
        } finally {
            lines.add(EOF);
        }
    }

    /** Splits a command line into words; single or double quotes keep spaces inside one word. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
