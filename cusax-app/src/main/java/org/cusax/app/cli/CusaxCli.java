package org.cusax.app.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.assembly.ClientFactory;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code cusax} command and what its subcommands share. */
@Command(name = "cusax", mixinStandardHelpOptions = true, version = "cusax 0.1.0",
        description = "CUSAX client: Telephony over SIP, Chat over XMPP, one service.",
        subcommands = {StatusCommand.class, ChatCommand.class, ListenCommand.class, RosterCommand.class,
            CallCommand.class, DemoCommand.class, HistoryCommand.class, SandboxCommand.class, ServeCommand.class, WebLinkCommand.class,
            LiveCommands.Answer.class, LiveCommands.Reject.class, LiveCommands.Busy.class, LiveCommands.Hangup.class,
            LiveCommands.Hold.class, LiveCommands.Resume.class, LiveCommands.Dtmf.class, LiveCommands.SetPresence.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (all halves online / message acknowledged)",
            "1:internal error",
            "2:usage error",
            "3:configuration error",
            "4:a half is not online",
            "5:chat message not confirmed in time",
            "6:chat message refused",
            "7:call has no route (or Telephony is down)",
            "8:call not answered",
            "9:no daemon runs for the account (live-session verbs), or one already runs (serve)"})
public final class CusaxCli {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Config file (default: $CUSAX_CONFIG, else ~/.config/cusax/cusax.conf).")
    Path config;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT,
            description = "Print JSON (one object per line for event streams).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "More log output on stderr (repeat for debug).")
    boolean[] verbose = new boolean[0];

    private final ClientFactory factory;
    private final Map<String, String> env;
    private final Path home;
    final PrintStream out;
    final PrintStream err;
    /** What interactive sessions ({@code demo}) read; stdin unless replaced. */
    InputStream in = System.in;
    /** A live, started client the client commands run against (the demo's interactive session). */
    private CusaxClient session;

    public CusaxCli(ClientFactory factory, Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        this.factory = factory;
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    /** Runs one command line and returns the exit code. */
    public int execute(String... args) {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            err.println("cusax: internal error: " + ex);
            return ExitCodes.INTERNAL;
        });
        return cl.execute(args);
    }

    /** Reads interactive input from {@code input} instead of stdin. */
    public CusaxCli withInput(InputStream input) {
        this.in = input;
        return this;
    }

    /** A CLI like this one whose client commands use {@code live} (already started, not closed by them). */
    CusaxCli withSession(CusaxClient live) {
        CusaxCli s = new CusaxCli(factory, env, home, out, err);
        s.in = in;
        s.session = live;
        return s;
    }

    Optional<CusaxClient> session() {
        return Optional.ofNullable(session);
    }

    int verbosity() {
        return verbose.length;
    }

    ClientFactory factory() {
        return factory;
    }

    /** The config file to use, per the documented search order. */
    Path configPath() {
        if (config != null) {
            return config;
        }
        return Optional.ofNullable(env.get("CUSAX_CONFIG")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(home.resolve(".config/cusax/cusax.conf"));
    }

    ClientConfig loadConfig() {
        return new ClientConfigLoader(env, home).load(ConfigFile.read(configPath()));
    }
}
