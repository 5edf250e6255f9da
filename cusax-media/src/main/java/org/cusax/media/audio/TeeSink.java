package org.cusax.media.audio;

import java.io.IOException;
import java.util.List;

/** Writes every frame to several sinks (e.g. the speaker and a recording); closes them all. */
public final class TeeSink implements AudioSink {
    private final List<AudioSink> sinks;

    public TeeSink(List<AudioSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void write(short[] frame) {
        for (AudioSink sink : sinks) {
            sink.write(frame);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (AudioSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
