package org.cusax.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cusax.app.remote.DaemonConnection;
import org.cusax.core.config.ClientConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Verbs for a live session: they act on the calls and presence of the daemon ({@code cusax serve}). */
final class LiveCommands {
    private LiveCommands() {
    }

    /** Finds the daemon and sends one command to it; without a daemon, says how to start one. */
    abstract static class Verb implements Callable<Integer> {
        @ParentCommand
        CusaxCli cli;

        @Override
        public final Integer call() throws Exception {
            Optional<ClientConfig> loaded = cli.daemonConfig();
            if (loaded.isEmpty()) {
                return ExitCodes.CONFIG;
            }
            ClientConfig config = loaded.get();
            Optional<DaemonConnection> daemon = DaemonConnection.find(config);
            if (daemon.isEmpty()) {
                cli.err.println("cusax: no daemon runs for " + config.link().chat().or(() -> config.link().telephony())
                        .map(a -> a.address()).orElse("this account") + ": start one with 'cusax serve' (same config)");
                return ExitCodes.DAEMON;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params(params);
            return DaemonForwarding.simple(cli, daemon.get(), command(), params);
        }

        /** The registry command this verb sends: by default the verb's own name. */
        String command() {
            return getClass().getAnnotation(Command.class).name();
        }

        /** The command's parameters; none by default. */
        void params(Map<String, Object> p) {
        }
    }

    /** A verb about one call: the id, or the one call that fits. */
    abstract static class CallVerb extends Verb {
        @Parameters(index = "0", arity = "0..1", paramLabel = "CALL",
                description = "The call id (from listen or the incoming-call event); default: the one call that fits.")
        String callId;

        @Override
        void params(Map<String, Object> p) {
            if (callId != null) {
                p.put("callId", callId);
            }
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true, description = "Answer the ringing call (daemon).")
    static final class Answer extends CallVerb {
        @Option(names = "--tone", paramLabel = "HZ", description = "Send a sine tone of this frequency.")
        Double tone;
        @Option(names = "--play", paramLabel = "FILE.wav", description = "Send this WAV file.")
        Path play;
        @Option(names = "--record", paramLabel = "FILE.wav", description = "Record what the caller sends.")
        Path record;

        @Override
        void params(Map<String, Object> p) {
            super.params(p);
            Optional.ofNullable(tone).ifPresent(t -> p.put("tone", t));
            Optional.ofNullable(play).ifPresent(f -> p.put("play", f.toAbsolutePath().toString()));
            Optional.ofNullable(record).ifPresent(f -> p.put("record", f.toAbsolutePath().toString()));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Decline the ringing call (603; daemon).")
    static final class Reject extends CallVerb {
        @Option(names = "--status", paramLabel = "CODE", defaultValue = "603",
                description = "The SIP status, 400-699 (default: ${DEFAULT-VALUE}).")
        int status;

        @Override
        void params(Map<String, Object> p) {
            super.params(p);
            p.put("status", status);
        }
    }

    @Command(name = "busy", mixinStandardHelpOptions = true, description = "Refuse the ringing call: 486 Busy Here (daemon).")
    static final class Busy extends CallVerb {
    }

    @Command(name = "hangup", mixinStandardHelpOptions = true, description = "End the call (cancels while ringing; daemon).")
    static final class Hangup extends CallVerb {
    }

    @Command(name = "hold", mixinStandardHelpOptions = true, description = "Hold the answered call (daemon).")
    static final class Hold extends CallVerb {
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume the held call (daemon).")
    static final class Resume extends CallVerb {
    }

    @Command(name = "dtmf", mixinStandardHelpOptions = true, description = "Send DTMF digits in the answered call (daemon).")
    static final class Dtmf extends Verb {
        @Parameters(index = "0", paramLabel = "DIGITS", description = "0-9, *, #, A-D.")
        String digits;
        @Option(names = "--call", paramLabel = "CALL", description = "The call id (default: the one answered call).")
        String callId;

        @Override
        void params(Map<String, Object> p) {
            p.put("digits", digits);
            Optional.ofNullable(callId).ifPresent(c -> p.put("callId", c));
        }
    }

    @Command(name = "mute", mixinStandardHelpOptions = true,
            description = "Mute our microphone in the answered call (silence is sent), or unmute it with --off (daemon).")
    static final class Mute extends Verb {
        @Option(names = "--off", description = "Unmute.")
        boolean off;
        @Option(names = "--call", paramLabel = "CALL", description = "The call id (default: the one answered call).")
        String callId;

        @Override
        void params(Map<String, Object> p) {
            p.put("muted", !off);
            Optional.ofNullable(callId).ifPresent(c -> p.put("callId", c));
        }
    }

    @Command(name = "call-audio-device", mixinStandardHelpOptions = true,
            description = "Move the answered call to another microphone and/or speaker while it runs; the call goes on"
                    + " (names as in 'cusax audio-devices', or default; daemon).")
    static final class CallAudioDevice extends Verb {
        @Option(names = "--input", paramLabel = "DEVICE", description = "The microphone to use from now on.")
        String input;
        @Option(names = "--output", paramLabel = "DEVICE", description = "The speaker to use from now on.")
        String output;
        @Option(names = "--call", paramLabel = "CALL", description = "The call id (default: the one answered call).")
        String callId;

        @Override
        void params(Map<String, Object> p) {
            Optional.ofNullable(input).ifPresent(d -> p.put("input", d));
            Optional.ofNullable(output).ifPresent(d -> p.put("output", d));
            Optional.ofNullable(callId).ifPresent(c -> p.put("callId", c));
        }
    }

    @Command(name = "presence", mixinStandardHelpOptions = true,
            description = "Set our own presence: chat, available, away, xa or dnd, with an optional status text (daemon).")
    static final class SetPresence extends Verb {
        @Parameters(index = "0", paramLabel = "SHOW", description = "chat, available, away, xa or dnd.")
        String show;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "TEXT", description = "The status text.")
        List<String> words;

        @Override
        void params(Map<String, Object> p) {
            p.put("show", show);
            if (words != null && !words.isEmpty()) {
                p.put("status", String.join(" ", words));
            }
        }
    }
}
