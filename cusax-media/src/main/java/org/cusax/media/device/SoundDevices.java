package org.cusax.media.device;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

import org.cusax.core.audio.AudioDevice;
import org.cusax.core.audio.AudioDirection;
import org.cusax.core.config.AudioSettings;
import org.cusax.core.port.AudioDevicesPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's sound devices through Java Sound: the mixers that offer a capture or playback line in a
 * format calls can use, and opening one by name — {@code default} (Java Sound's default device), the exact
 * name, or a case-insensitive part of exactly one name. Never throws for a machine without sound: the list is
 * empty and opening says why.
 */
public final class SoundDevices implements AudioDevicesPort {
    private static final Logger LOG = LoggerFactory.getLogger(SoundDevices.class);
    /** Formats tried in order: the calls' own first (no conversion), then common device rates, mono then stereo. */
    static final List<AudioFormat> FORMATS = List.of(PcmConversion.CALL, pcm(16000, 1), pcm(48000, 1),
            pcm(44100, 1), pcm(48000, 2), pcm(44100, 2));
    private static final int BUFFER_MILLIS = 100;

    private static AudioFormat pcm(float rate, int channels) {
        return new AudioFormat(rate, 16, channels, true, false);
    }

    @Override
    public List<AudioDevice> list() {
        List<AudioDevice> devices = new ArrayList<>();
        try {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                Mixer mixer = AudioSystem.getMixer(info);
                boolean input = supports(mixer, TargetDataLine.class);
                boolean output = supports(mixer, SourceDataLine.class);
                if (input || output) {
                    devices.add(new AudioDevice(info.getName(), info.getDescription(), input, output));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Java Sound unusable: {}", e.toString());
        }
        return devices;
    }

    private static boolean supports(Mixer mixer, Class<? extends DataLine> type) {
        return FORMATS.stream().anyMatch(f -> mixer.isLineSupported(new DataLine.Info(type, f)));
    }

    /** Opens the microphone {@code device} ({@code default}, a name or part of one). */
    public CaptureLine openCapture(String device) throws DeviceUnavailableException {
        TargetDataLine line = (TargetDataLine) open(device, AudioDirection.INPUT, TargetDataLine.class);
        return new CaptureLine() {
            @Override
            public AudioFormat format() {
                return line.getFormat();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = line.read(buffer, offset, length - length % line.getFormat().getFrameSize());
                return n == 0 && !line.isOpen() ? -1 : n;
            }

            @Override
            public void close() {
                line.stop();
                line.flush();
                line.close();
            }
        };
    }

    /** Opens the speaker {@code device} ({@code default}, a name or part of one). */
    public PlaybackLine openPlayback(String device) throws DeviceUnavailableException {
        SourceDataLine line = (SourceDataLine) open(device, AudioDirection.OUTPUT, SourceDataLine.class);
        return new PlaybackLine() {
            @Override
            public AudioFormat format() {
                return line.getFormat();
            }

            @Override
            public void write(byte[] buffer, int offset, int length) {
                line.write(buffer, offset, length);
            }

            @Override
            public void close() {
                line.stop();
                line.flush();
                line.close();
            }
        };
    }

    /** Checks that {@code device} ({@code default}, a name or part of one) names exactly one device of {@code direction}. */
    public void check(String device, AudioDirection direction) throws DeviceUnavailableException {
        if (!AudioSettings.DEFAULT.equals(device)) {
            DeviceChoice.pick(list(), device, direction);
        }
    }

    private DataLine open(String device, AudioDirection direction, Class<? extends DataLine> type)
            throws DeviceUnavailableException {
        Mixer mixer = AudioSettings.DEFAULT.equals(device) ? null : choose(device, direction);
        for (AudioFormat format : FORMATS) {
            DataLine.Info info = new DataLine.Info(type, format);
            try {
                boolean supported = mixer == null ? AudioSystem.isLineSupported(info) : mixer.isLineSupported(info);
                if (!supported) {
                    continue;
                }
                Line line = mixer == null ? AudioSystem.getLine(info) : mixer.getLine(info);
                int bytes = (int) (format.getFrameRate() * BUFFER_MILLIS / 1000) * format.getFrameSize();
                if (line instanceof TargetDataLine t) {
                    t.open(format, bytes);
                    t.start();
                } else if (line instanceof SourceDataLine s) {
                    s.open(format, bytes);
                    s.start();
                }
                return (DataLine) line;
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                throw new DeviceUnavailableException("cannot open the " + what(direction) + " '" + device + "': "
                        + e.getMessage(), e);
            }
        }
        throw new DeviceUnavailableException(list().isEmpty()
                ? "no sound device: the sound system offers no " + what(direction)
                        + " (no sound card, or no ALSA/PulseAudio default device)"
                : "the " + what(direction) + " '" + device + "' offers no 16-bit PCM format calls can use");
    }

    private Mixer choose(String device, AudioDirection direction) throws DeviceUnavailableException {
        AudioDevice chosen = DeviceChoice.pick(list(), device, direction);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(chosen.name())) {
                return AudioSystem.getMixer(info);
            }
        }
        throw new DeviceUnavailableException("the " + what(direction) + " '" + device + "' disappeared");
    }

    private static String what(AudioDirection direction) {
        return DeviceChoice.what(direction);
    }
}
