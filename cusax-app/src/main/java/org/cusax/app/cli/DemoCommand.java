package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cusax.app.daemon.Daemon;
import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxOptions;
import org.cusax.sandbox.SandboxStartException;
import org.cusax.sandbox.demo.DemoUser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The main job: starts the in-process sandbox (XMPP + SIP, demo accounts and peers, the provisioning
 * server), signs the demo user in with user id and password through provisioning ({@link DemoSignIn}, the
 * code of {@code cusax login}), logs in with the configuration kept, and walks through what cusax does: both halves online and secured, the contact list, a chat
 * echoed, a call to the greeting peer recorded and analysed, a call to the busy peer. Then, with
 * {@code --keep} or when stdin is a terminal, the web client is served on the same session (its one-time
 * sign-in link printed, or opened where a desktop exists: {@link DemoWebClient}) beside an interactive
 * session with the CLI commands; then everything stops.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Start the in-process sandbox, sign in as the demo user with user id and password through its "
        + "provisioning server, and show chat, "
        + "calls and contacts; then (with --keep, or on a terminal) the web client (its one-time sign-in link printed, "
        + "or opened where a desktop exists) and an interactive session. Ctrl-C stops.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @ParentCommand
    CusaxCli cli;

    @Mixin
    SandboxSettings settings;

    @Option(names = "--keep", negatable = true,
            description = "After the walkthrough, keep running with an interactive session (commands read from "
                    + "stdin; default: only when stdin is a terminal and --json is not given).")
    Boolean keep;

    private JsonWriter json;

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(cli.verbosity());
        json = new JsonWriter(cli.out);
        SandboxOptions options;
        try {
            options = settings.options();
        } catch (IllegalArgumentException e) {
            cli.err.println("cusax demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        say("Starting the cusax sandbox: an XMPP server and a SIP server in this process, one CA for this run...");
        int code;
        try (StopSignal signal = new StopSignal().interrupting(Thread.currentThread())) {
            try (Sandbox sandbox = Sandbox.start(options)) {
                code = runOn(sandbox, signal);
            } catch (SandboxStartException e) {
                cli.err.println("cusax demo: " + e.getMessage());
                return ExitCodes.INTERNAL;
            } catch (InterruptedException e) {
                code = stopped(signal, e); // while the sandbox was starting: it cleaned up after itself
            }
        }
        say("Demo finished: logged out, sandbox stopped.");
        return code;
    }

    /**
     * The walkthrough and the session on a started sandbox. Ctrl-C / SIGTERM interrupts them wherever they
     * wait; then the client and the sandbox are closed (not interruptible any more) and the directory deleted.
     */
    private int runOn(Sandbox sandbox, StopSignal signal) throws Exception {
        try {
            if (cli.json) {
                json.line(SandboxReport.json(sandbox));
            } else {
                SandboxReport.human(sandbox, cli.out);
            }
            int code = walkThrough(sandbox, signal);
            return signal.fired() ? stopped(signal, null) : code;
        } catch (Exception e) {
            return stopped(signal, e);
        } finally {
            signal.stopInterrupting();
            Thread.interrupted(); // a signal during the client's logout must not cut the sandbox's stop short
        }
    }

    /**
     * Stopped by Ctrl-C / SIGTERM: a normal end (exit 0) once everything is cleaned up, whatever the
     * interrupted step made of it. Without a signal, {@code e} is a real failure and goes on.
     */
    private int stopped(StopSignal signal, Exception e) throws Exception {
        if (!signal.fired() && e != null) {
            throw e;
        }
        say("Stopped by Ctrl-C / SIGTERM: cleaning up (client logged out, sandbox stopped, its directory deleted).");
        return ExitCodes.OK;
    }

    private int walkThrough(Sandbox sandbox, StopSignal signal) throws Exception {
        DemoUser demo = sandbox.demoUser();
        DemoSignIn signIn = new DemoSignIn(sandbox);
        say("");
        say("1. Signing in as " + demo.jid() + " with user id and password only, as ./cusax login does:");
        try {
            signIn.signIn(demo, step -> say("   " + step));
        } catch (ProvisioningException e) {
            cli.err.println("cusax demo: the sign-in through " + sandbox.provisioningUrl() + " failed: " + e.getMessage());
            return ExitCodes.PROVISIONING_FAILED;
        }
        Path configFile = signIn.configFile(demo);
        say("   Signed in as " + demo.jid() + " with user id and password through " + sandbox.provisioningUrl()
                + " (configuration kept in " + configFile + ")");
        BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
        try (CusaxClient client = start(signIn.loader(), configFile, demo.name(), sandbox.echoJid(), echoes)) {
            for (ConnectionStatus s : client.awaitSettled(SETTLE).halves()) {
                say("   " + HumanFormat.half(s, client.link()));
            }
            if (!client.status().allOnline()) {
                cli.err.println("cusax demo: not every half came online; see the reasons above");
                return ExitCodes.NOT_ONLINE;
            }
            CusaxCli session = cli.withSession(client);
            say("2. The contact list ([Call] = can be called; numbers as the contacts' vCards give them, normalized):");
            session.execute(withJson("roster"));

            String text = "Hello echo, this is the cusax demo.";
            say("3. Chat: sending \"" + text + "\" to " + sandbox.echoJid());
            client.sendChat(sandbox.echoJid(), text);
            String echo = echoes.poll(SETTLE.toSeconds(), TimeUnit.SECONDS);
            if (echo == null) {
                cli.err.println("cusax demo: the echo peer did not answer");
                return ExitCodes.NOT_DELIVERED;
            }
            say("   " + sandbox.echoJid() + " echoed: \"" + echo + "\"");

            DemoCalls calls = new DemoCalls(line -> say("   " + line.stripLeading()));
            say("4. A call to the greeting peer");
            Path recording = sandbox.workDir().resolve("greeting-recording.wav");
            if (!calls.greeting(client, "greeting@" + sandbox.domain(), recording)) {
                cli.err.println("cusax demo: no speech came through the call; see above");
                return ExitCodes.CALL_FAILED;
            }
            say("5. A call to the busy peer, by its contact (routed to its number)");
            if (!calls.busy(client, "busy@" + sandbox.domain())) {
                cli.err.println("cusax demo: the busy peer did not answer 486; see above");
                return ExitCodes.CALL_FAILED;
            }
            say("The walkthrough is done: chat, contacts and calls work on the sandbox.");
            if (interactive()) {
                say("");
                ClientConfig config = signIn.loader().load(ConfigFile.read(configFile));
                Optional<Daemon> web = DemoWebClient.serve(cli, config, client, cli.env());
                try {
                    if (!cli.json) {
                        DemoSession.printWhatToTry(cli, sandbox);
                    }
                    new DemoSession(cli, client, configFile).run(sandbox, signal);
                } finally {
                    web.ifPresent(Daemon::close);
                }
            } else if (!cli.json) {
                say("(Run ./cusax demo in a terminal, or with --keep, for an interactive session; "
                        + "./cusax sandbox runs only the service.)");
            }
        }
        return ExitCodes.OK;
    }

    private boolean interactive() {
        return keep != null ? keep : System.console() != null && !cli.json;
    }

    private String[] withJson(String... args) {
        if (!cli.json) {
            return args;
        }
        String[] a = new String[args.length + 1];
        a[0] = "--json";
        System.arraycopy(args, 0, a, 1, args.length);
        return a;
    }

    /** A client for {@code configFile}; its events are printed (all in JSON, calls and chats for humans). */
    private CusaxClient start(ClientConfigLoader loader, Path configFile, String who, String echoJid,
                              BlockingQueue<String> echoes) {
        ClientConfig config = loader.load(ConfigFile.read(configFile));
        CusaxClient client = cli.factory().create(config);
        client.subscribe(e -> {
            if (e instanceof ChatMessageReceived r && r.message().peer().equalsIgnoreCase(echoJid)) {
                echoes.add(r.message().body());
            }
            if (cli.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("user", who);
                m.putAll(JsonModel.event(e, client.link()));
                json.line(m);
            } else if (e.type().startsWith("call-") || e.type().equals("chat-received")) {
                cli.out.println("   [event] " + HumanFormat.event(e, client.link()));
                cli.out.flush();
            }
        });
        client.start();
        return client;
    }

    private void say(String line) {
        if (cli.json) {
            if (!line.isBlank()) {
                json.line(Map.of("type", "demo", "text", line.strip()));
            }
        } else {
            cli.out.println(line);
            cli.out.flush();
        }
    }
}
