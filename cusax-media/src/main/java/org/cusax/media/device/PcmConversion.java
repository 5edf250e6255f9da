package org.cusax.media.device;

import java.io.InputStream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.cusax.media.audio.WavFileSource;

/**
 * Converts between a device's format and the calls' format (8 kHz, 16-bit, mono) with Java Sound's own
 * converters: sample size and signedness, channel down-/up-mixing and resampling. A device that already
 * speaks 8 kHz mono 16-bit little-endian is passed through unchanged.
 */
final class PcmConversion {
    /** The calls' format. */
    static final AudioFormat CALL = WavFileSource.TARGET;

    private PcmConversion() {
    }

    /** What a device in {@code from} captures, as call-format bytes. */
    static AudioInputStream toCall(InputStream device, AudioFormat from) throws DeviceUnavailableException {
        AudioInputStream in = new AudioInputStream(device, from, AudioSystem.NOT_SPECIFIED);
        if (CALL.matches(from)) {
            return in;
        }
        try {
            AudioInputStream linear = in;
            if (!AudioFormat.Encoding.PCM_SIGNED.equals(from.getEncoding()) || from.getSampleSizeInBits() != 16
                    || from.isBigEndian()) {
                linear = AudioSystem.getAudioInputStream(new AudioFormat(from.getSampleRate(), 16, from.getChannels(),
                        true, false), in);
            }
            return AudioSystem.getAudioInputStream(CALL, linear);
        } catch (IllegalArgumentException e) {
            throw new DeviceUnavailableException("cannot convert the device's " + from + " to 8 kHz mono 16-bit", e);
        }
    }

    /** Call-format bytes from {@code calls}, as a device in {@code to} plays them. */
    static AudioInputStream fromCall(InputStream calls, AudioFormat to) throws DeviceUnavailableException {
        AudioInputStream in = new AudioInputStream(calls, CALL, AudioSystem.NOT_SPECIFIED);
        if (to.matches(CALL)) {
            return in;
        }
        try {
            AudioFormat linear = new AudioFormat(to.getSampleRate(), 16, to.getChannels(), true, false);
            AudioInputStream resampled = AudioSystem.getAudioInputStream(linear, in);
            return linear.matches(to) ? resampled : AudioSystem.getAudioInputStream(to, resampled);
        } catch (IllegalArgumentException e) {
            throw new DeviceUnavailableException("cannot convert 8 kHz mono 16-bit to the device's " + to, e);
        }
    }

    /** Little-endian 16-bit bytes to samples. */
    static void toSamples(byte[] bytes, short[] samples) {
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
    }

    /** Samples to little-endian 16-bit bytes. */
    static void toBytes(short[] samples, byte[] bytes) {
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
    }
}
