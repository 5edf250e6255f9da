package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.event.ContactRemoved;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.IncomingCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Stays logged in and prints every event (connection changes, chat, calls) until stopped; optionally
 * answers (RFC 3261 §13.3), rejects (603) or refuses as busy (486) every incoming call.
 */
@Command(name = "listen", mixinStandardHelpOptions = true, description = "Stay online and print one event per line until stopped (Ctrl-C).")
final class ListenCommand extends ClientCommand implements OnDaemon {
    enum AnswerMode { auto, reject, busy }

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop by itself after this long (default: run until stopped).")
    Duration duration;

    @Option(names = "--answer", paramLabel = "MODE",
            description = "Incoming calls: auto (answer), reject (603) or busy (486); default: just report them.")
    AnswerMode answer;

    @Option(names = "--play", paramLabel = "FILE.wav",
            description = "Send this WAV file in answered calls (without --play and --record-dir: live calls on the microphone and speaker).")
    Path play;

    @Option(names = "--record-dir", paramLabel = "DIR", description = "Record each answered call to DIR/CALLID.wav.")
    Path recordDir;

    @picocli.CommandLine.Mixin
    AudioDeviceOptions devices = new AudioDeviceOptions();

    @Override
    public int onDaemon(org.cusax.app.remote.DaemonConnection daemon, JsonWriter json) throws Exception {
        return RemoteListen.run(cli, daemon, json, duration, answer, play, recordDir);
    }

    @Override
    int run(CusaxClient client, JsonWriter json) throws Exception {
        try (StopSignal signal = new StopSignal();
             AutoCloseable subscription = client.subscribe(event -> {
                 if (cli.json) {
                     json.line(JsonModel.event(event, client.link()));
                 } else {
                     human(event, client);
                 }
                 handle(client, event);
             })) {
            start(client);
            signal.await(duration);
            client.close();
        }
        return ExitCodes.OK;
    }

    /** The last line printed per contact: a contact update that changes nothing people see prints nothing. */
    private final Map<String, String> shownContacts = new ConcurrentHashMap<>();

    private void human(CusaxEvent event, CusaxClient client) {
        String line = HumanFormat.event(event, client.link());
        if (event instanceof ContactUpdated u && line.equals(shownContacts.put(u.contact().jid(), line))) {
            return;
        }
        if (event instanceof ContactRemoved r) {
            shownContacts.remove(r.jid());
        }
        if (!line.isEmpty()) {
            cli.out.println(line);
            cli.out.flush();
        }
    }

    private void handle(CusaxClient client, CusaxEvent event) {
        if (answer == null || !(event instanceof IncomingCall incoming)) {
            return;
        }
        String id = incoming.call().id();
        try {
            switch (answer) {
                case auto -> client.answer(id, play == null && recordDir == null ? devices.livePlan(audioSettings())
                        : new AudioPlan(play == null ? new PlaySource.Silence() : new PlaySource.WavFile(play),
                        Optional.ofNullable(recordDir).map(d -> d.resolve(id + ".wav"))));
                case reject -> client.reject(id, 603);
                case busy -> client.reject(id, 486);
            }
        } catch (RuntimeException e) {
            cli.err.println("cusax: could not " + answer + " the call from " + incoming.call().remote() + ": "
                    + e.getMessage());
        }
    }
}
