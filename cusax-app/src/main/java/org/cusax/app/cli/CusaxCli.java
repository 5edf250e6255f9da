package org.cusax.app.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cusax.app.assembly.ClientFactory;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.config.ConfigFile;
import org.cusax.app.json.JsonWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code cusax} command and what its subcommands share. */
@Command(name = "cusax", mixinStandardHelpOptions = true, version = "cusax 0.1.0",
        description = "CUSAX client: Telephony over SIP, Chat over XMPP, one service.",
        subcommands = {StatusCommand.class, ChatCommand.class, ListenCommand.class, RosterCommand.class,
            CallCommand.class, DemoCommand.class, HistoryCommand.class, SandboxCommand.class, ServeCommand.class, WebLinkCommand.class,
            AudioDevicesCommand.class,
            LiveCommands.Answer.class, LiveCommands.Reject.class, LiveCommands.Busy.class, LiveCommands.Hangup.class,
            LiveCommands.Hold.class, LiveCommands.Resume.class, LiveCommands.Dtmf.class, LiveCommands.Mute.class, LiveCommands.CallAudioDevice.class,
            LiveCommands.SetPresence.class, LoginCommand.class,
            ContactVerbs.Add.class, ContactVerbs.Update.class, ContactVerbs.Remove.class, ContactVerbs.Requests.class,
            ContactVerbs.Approve.class, ContactVerbs.Deny.class,
            SettingVerbs.Show.class, SettingVerbs.Set.class,
            org.cusax.app.cli.admin.AdminCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (all halves online / message acknowledged / call answered; listen, sandbox, demo: stopped cleanly)",
            "1:internal error",
            "2:usage error",
            "3:configuration error",
            "4:a half is not online",
            "5:chat message not confirmed in time",
            "6:chat message refused",
            "7:call has no route (or Telephony is down)",
            "8:call not answered (busy, declined, not found, cancelled, failed)",
            "9:no daemon runs for the account (live-session verbs), or one already runs (serve)",
            "10:sign-in refused by the provisioning server (wrong user id or password, or too many attempts)",
            "11:provisioning server refused or not reached (not HTTPS, certificate, unreachable, error)",
            "130:stopped at once by a second Ctrl-C / SIGTERM while cleaning up"},
        footer = {"", "listen, sandbox and demo exit 0 when stopped by Ctrl-C or SIGTERM after a clean stop."})
public final class CusaxCli implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Config file (default: $CUSAX_CONFIG, else $XDG_CONFIG_HOME/cusax/cusax.conf, "
                    + "else $HOME/.config/cusax/cusax.conf).")
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
    /** The user's time zone, for the times people read. */
    private ZoneId zone = ZoneId.systemDefault();
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
        cl.setExecutionStrategy(CommandLines::refuseUnmatchedThenRun);
        // every command's -V/--version (mixinStandardHelpOptions) prints the program's version
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(cl.getCommandSpec().version()));
        return cl.execute(args);
    }

    /** {@code cusax} without a command: the usage on stderr, exit 2. */
    @Override
    public Integer call() {
        err.println("cusax: missing command");
        new CommandLine(this).usage(err);
        return ExitCodes.USAGE;
    }

    /**
     * A configuration error: a line on stderr, or with {@code --json} one JSON object on stdout
     * ({@code {"type":"error","error":"configuration","message":…,"exitCode":3}}); returns exit code 3.
     */
    int configError(ConfigError e) {
        if (json) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", "error");
            m.put("error", "configuration");
            m.put("message", e.getMessage());
            m.put("exitCode", ExitCodes.CONFIG);
            new JsonWriter(out).line(m);
        } else {
            err.println("cusax: configuration error: " + e.getMessage());
        }
        return ExitCodes.CONFIG;
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
        s.zone = zone;
        s.session = live;
        return s;
    }

    ZoneId zone() {
        return zone;
    }

    /** Shows times in {@code z} instead of the system's time zone. */
    CusaxCli withZone(ZoneId z) {
        this.zone = z;
        return this;
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

    /**
     * The config file to use, per the documented search order: {@code -c}, {@code $CUSAX_CONFIG},
     * {@code $XDG_CONFIG_HOME/cusax/cusax.conf} (an absolute path, per the XDG Base Directory
     * specification), {@code $HOME/.config/cusax/cusax.conf}, the JVM's home directory last.
     */
    Path configPath() {
        if (config != null) {
            return config;
        }
        return set("CUSAX_CONFIG").map(Path::of)
                .or(() -> set("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                        .map(p -> p.resolve("cusax/cusax.conf")))
                .orElseGet(() -> set("HOME").map(Path::of).orElse(home).resolve(".config/cusax/cusax.conf"));
    }

    private Optional<String> set(String variable) {
        return Optional.ofNullable(env.get(variable)).filter(s -> !s.isBlank());
    }

    ClientConfig loadConfig() {
        return new ProvisionedStart(new ClientConfigLoader(env, home), err).load(configPath());
    }

    /**
     * For the daemon's commands: applies {@code -v}, then loads the config; on a configuration error says so
     * on stderr and returns empty (the command then exits with {@link ExitCodes#CONFIG}).
     */
    Optional<ClientConfig> daemonConfig() {
        LogLevels.apply(verbosity());
        try {
            return Optional.of(loadConfig());
        } catch (ConfigError e) {
            err.println("cusax: configuration error: " + e.getMessage());
            return Optional.empty();
        }
    }

    Map<String, String> env() {
        return env;
    }

    Path home() {
        return home;
    }
}
