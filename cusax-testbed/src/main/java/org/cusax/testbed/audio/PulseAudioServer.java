package org.cusax.testbed.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ServerProcess;

/**
 * A PulseAudio daemon of the test's own (own HOME, runtime directory and socket; other users' sound servers
 * are never touched) with two null sinks: {@value #MICROPHONE} — whose monitor is the default source, so
 * what is played into it is what a client's microphone captures — and {@value #SPEAKER}, the default sink,
 * whose monitor records what a client plays. A client started with {@link #clientEnvironment()} finds
 * {@code pcm.!default { type pulse }} in its HOME's {@code .asoundrc}, so Java Sound shows a working
 * "default" mixer. {@link #close()} stops the daemon and every player or recorder started here.
 */
public final class PulseAudioServer implements AutoCloseable {
    public static final String MICROPHONE = "cusax_mic";
    public static final String SPEAKER = "cusax_speaker";
    private static final Duration START = Duration.ofSeconds(30);

    private final Path home;
    private final Path socket;
    private final ServerProcess daemon;
    private final List<ServerProcess> helpers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private PulseAudioServer(Path home, Path socket, ServerProcess daemon) {
        this.home = home;
        this.socket = socket;
        this.daemon = daemon;
    }

    /** Starts the daemon with its files under {@code dir}; returns once clients can connect. */
    public static PulseAudioServer start(Path dir) {
        PackageInstaller.ensure(PackageInstaller.PULSEAUDIO, PackageInstaller.PULSEAUDIO_UTILS,
                PackageInstaller.ALSA_PULSE_PLUGIN);
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path runtime = Files.createDirectories(dir.resolve("run"));
            Path socket = runtime.resolve("native");
            writeClientFiles(home);
            Path script = dir.resolve("test.pa");
            Files.writeString(script, "load-module module-native-protocol-unix socket=" + socket + " auth-anonymous=1\n"
                    + "load-module module-null-sink sink_name=" + SPEAKER + " rate=8000 channels=1 norewinds=1\n"
                    + "load-module module-null-sink sink_name=" + MICROPHONE + " rate=8000 channels=1 norewinds=1\n"
                    + "set-default-sink " + SPEAKER + "\n"
                    + "set-default-source " + MICROPHONE + ".monitor\n", StandardCharsets.UTF_8);
            ServerProcess daemon = new ServerProcess("pulseaudio", List.of("pulseaudio", "-n", "-F", script.toString(),
                    "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
                    "--system=false", "--log-target=stderr"),
                    environment(home, runtime, socket), dir, dir.resolve("pulseaudio.log"), List.of());
            PulseAudioServer server = new PulseAudioServer(home, socket, daemon);
            daemon.start(START, server::answers);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare PulseAudio in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code .asoundrc} (ALSA's default = PulseAudio) and a client.conf that never spawns a daemon. */
    private static void writeClientFiles(Path home) throws IOException {
        Files.writeString(home.resolve(".asoundrc"), "pcm.!default { type pulse }\nctl.!default { type pulse }\n",
                StandardCharsets.UTF_8);
        Path pulse = Files.createDirectories(home.resolve(".config/pulse"));
        Files.writeString(pulse.resolve("client.conf"), "autospawn = no\n", StandardCharsets.UTF_8);
    }

    private static Map<String, String> environment(Path home, Path runtime, Path socket) {
        return Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(), "PULSE_SERVER", "unix:" + socket);
    }

    /**
     * The environment of a process without any sound system: an empty HOME (no {@code .asoundrc}), no
     * daemon to reach and none to spawn. Files go under {@code dir}.
     */
    public static Map<String, String> noSoundSystem(Path dir) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path runtime = Files.createDirectories(dir.resolve("run"));
            Path pulse = Files.createDirectories(home.resolve(".config/pulse"));
            Files.writeString(pulse.resolve("client.conf"), "autospawn = no\n", StandardCharsets.UTF_8);
            return environment(home, runtime, runtime.resolve("no-such-socket"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        return Files.exists(socket) && pactl("info").ok();
    }

    private Command.Result pactl(String... args) {
        Command c = Command.of("pactl").timeout(Duration.ofSeconds(10));
        for (String a : args) {
            c.arg(a);
        }
        clientEnvironment().forEach(c::env);
        return c.run();
    }

    /** HOME, XDG_RUNTIME_DIR, XDG_CONFIG_HOME and PULSE_SERVER for a client of this server. */
    public Map<String, String> clientEnvironment() {
        return environment(home, socket.getParent(), socket);
    }

    /**
     * The ids of the streams that record from {@code source} (e.g. {@code MICROPHONE + ".monitor"}): a client
     * that closes its capture line and opens a new one shows up with a new id.
     */
    public java.util.Set<String> recordingStreams(String source) {
        return streams("sources", "source-outputs", source);
    }

    /** The ids of the streams that play into {@code sink} (e.g. {@link #SPEAKER}). */
    public java.util.Set<String> playbackStreams(String sink) {
        return streams("sinks", "sink-inputs", sink);
    }

    /**
     * {@code pactl list short KIND} (columns: stream index, device index, client, driver, sample spec): the streams
     * on the device named {@code name}.
     */
    private java.util.Set<String> streams(String devices, String kind, String name) {
        String index = rows(devices).stream().filter(r -> r.length > 1 && r[1].equals(name)).map(r -> r[0])
                .findFirst().orElseThrow(() -> new IllegalArgumentException("PulseAudio has no " + name));
        return rows(kind).stream().filter(r -> r.length > 1 && r[1].equals(index)).map(r -> r[0])
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    private List<String[]> rows(String what) {
        Command.Result r = pactl("list", "short", what);
        if (!r.ok()) {
            throw new IllegalStateException("pactl list short " + what + " failed: " + r.output());
        }
        return r.output().lines().map(l -> l.split("\t")).filter(c -> c[0].matches("\\d+")).toList();
    }

    /** Plays {@code wav} into {@code sink} (e.g. {@link #MICROPHONE}) until it ends or the server closes. */
    public void play(Path wav, String sink) {
        helper("paplay", List.of("paplay", "-d", sink, wav.toString()), wav.getParent());
    }

    /**
     * Records {@code source} (e.g. {@code SPEAKER + ".monitor"}) into {@code wav} (8 kHz mono 16-bit) until
     * {@link #stop(Path)}.
     */
    public void record(String source, Path wav) {
        helper("parec-" + wav.getFileName(), List.of("parec", "-d", source, "--file-format=wav", "--rate=8000",
                "--channels=1", "--format=s16le", wav.toString()), wav.getParent());
    }

    /** Stops the recorder writing {@code wav}; its header is complete afterwards. */
    public void stop(Path wav) {
        for (ServerProcess p : helpers) {
            if (p.name().equals("parec-" + wav.getFileName())) {
                p.stop();
                helpers.remove(p);
            }
        }
    }

    private void helper(String name, List<String> command, Path dir) {
        ServerProcess p = new ServerProcess(name, command, clientEnvironment(), dir, dir.resolve(name + ".log"),
                List.of());
        p.start(Duration.ofSeconds(10), () -> true);
        helpers.add(p);
    }

    @Override
    public void close() {
        for (ServerProcess p : helpers) {
            p.stop();
        }
        helpers.clear();
        daemon.stop();
    }
}
