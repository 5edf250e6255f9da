package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.IncomingCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Stays logged in and prints every event (connection changes, chat, calls) until stopped; optionally
 * answers (RFC 3261 §13.3), rejects (603) or refuses as busy (486) every incoming call.
 */
@Command(name = "listen", description = "Stay online and print one event per line until stopped (Ctrl-C).")
final class ListenCommand extends ClientCommand implements OnDaemon {
    enum AnswerMode { auto, reject, busy }

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop by itself after this long (default: run until stopped).")
    Duration duration;

    @Option(names = "--answer", paramLabel = "MODE",
            description = "Incoming calls: auto (answer), reject (603) or busy (486); default: just report them.")
    AnswerMode answer;

    @Option(names = "--play", paramLabel = "FILE.wav", description = "Send this WAV file in answered calls.")
    Path play;

    @Option(names = "--record-dir", paramLabel = "DIR", description = "Record each answered call to DIR/CALLID.wav.")
    Path recordDir;

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
                     cli.out.println(HumanFormat.event(event, client.link()));
                     cli.out.flush();
                 }
                 handle(client, event);
             })) {
            start(client);
            signal.await(duration);
            client.close();
        }
        return ExitCodes.OK;
    }

    private void handle(CusaxClient client, CusaxEvent event) {
        if (answer == null || !(event instanceof IncomingCall incoming)) {
            return;
        }
        String id = incoming.call().id();
        try {
            switch (answer) {
                case auto -> client.answer(id, new AudioPlan(play == null ? new PlaySource.Silence()
                        : new PlaySource.WavFile(play), Optional.ofNullable(recordDir).map(d -> d.resolve(id + ".wav"))));
                case reject -> client.reject(id, 603);
                case busy -> client.reject(id, 486);
            }
        } catch (RuntimeException e) {
            cli.err.println("cusax: could not " + answer + " the call from " + incoming.call().remote() + ": "
                    + e.getMessage());
        }
    }
}
