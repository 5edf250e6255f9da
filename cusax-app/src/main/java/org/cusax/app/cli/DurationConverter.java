package org.cusax.app.cli;

import java.time.Duration;

import org.cusax.core.config.Durations;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line durations, in the same syntax as the config file (500ms, 30s, 5m, 1h). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value).orElseThrow(
                () -> new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 30s, 5m)"));
    }
}
