package org.cusax.app.json;

import java.io.PrintStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes JSON to a stream: one compact line per value (never indented). Thread-safe. */
public final class JsonWriter {
    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final PrintStream out;

    public JsonWriter(PrintStream out) {
        this.out = out;
    }

    public synchronized void line(Object value) {
        out.println(compact(value));
        out.flush();
    }

    /**
     * Same as {@link #line}: {@code --json} output is strictly one object per line on every command, so that
     * a reader can split any stream (the demo's, a daemon's) on newlines. Kept for callers not yet moved.
     *
     * @deprecated use {@link #line}
     */
    @Deprecated(forRemoval = true)
    public void pretty(Object value) {
        line(value);
    }

    public String compact(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
