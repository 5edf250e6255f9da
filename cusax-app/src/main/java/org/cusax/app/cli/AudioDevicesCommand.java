package org.cusax.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cusax.app.json.CallJson;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.audio.AudioDevice;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Lists the machine's sound devices that calls can use, by the names {@code audio.input} / {@code audio.output} take. */
@Command(name = "audio-devices", mixinStandardHelpOptions = true,
        description = "List the sound devices calls can use (names for audio.input / audio.output, --input / --output).")
final class AudioDevicesCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;

    @Override
    public Integer call() {
        List<AudioDevice> devices = cli.factory().audioDevices().list();
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("devices", devices.stream().map(CallJson::device).toList());
            new JsonWriter(cli.out).line(m);
            return ExitCodes.OK;
        }
        if (devices.isEmpty()) {
            cli.out.println("no sound devices: calls without --tone/--play send silence "
                    + "(no sound card, or no ALSA/PulseAudio default device)");
            return ExitCodes.OK;
        }
        cli.out.printf("%-6s %-7s %-30s %s%n", "input", "output", "name", "description");
        for (AudioDevice d : devices) {
            cli.out.printf("%-6s %-7s %-30s %s%n", d.input() ? "yes" : "-", d.output() ? "yes" : "-", d.name(),
                    d.description());
        }
        cli.out.println("use a name (or a part of one) as audio.input / audio.output, or default / none");
        return ExitCodes.OK;
    }
}
