package org.cusax.app.json;

import java.io.PrintStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes JSON to a stream: one compact line per value, or indented for people. Thread-safe. */
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

    public synchronized void pretty(Object value) {
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String compact(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
