package org.cusax.app.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A command's parameters (a JSON object) with typed access; a missing or ill-typed value is a bad request. */
public final class Params {
    private final Map<String, Object> values;

    public Params(Map<String, Object> values) {
        this.values = values == null ? Map.of() : Map.copyOf(withoutNulls(values));
    }

    public static Params of(Map<String, Object> values) {
        return new Params(values);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public String string(String name) throws ApiException {
        return optString(name).orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST, "missing parameter: " + name));
    }

    public Optional<String> optString(String name) throws ApiException {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be a string");
        }
        return Optional.of(s).filter(x -> !x.isBlank());
    }

    public Optional<Double> optNumber(String name) throws ApiException {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be a number");
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be a finite number");
        }
        return Optional.of(d);
    }

    public int integer(String name, int fallback, int min, int max) throws ApiException {
        Optional<Double> d = optNumber(name);
        if (d.isEmpty()) {
            return fallback;
        }
        if (d.get() != Math.rint(d.get()) || d.get() < min || d.get() > max) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be a whole number from "
                    + min + " to " + max);
        }
        return d.get().intValue();
    }

    /** A duration given in milliseconds (0 or more). */
    public Optional<Duration> optMillis(String name) throws ApiException {
        Optional<Double> d = optNumber(name);
        if (d.isPresent() && (d.get() < 0 || d.get() > Duration.ofDays(1).toMillis())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be 0 to 86400000 ms");
        }
        return d.map(ms -> Duration.ofMillis(Math.round(ms)));
    }

    /** A list of strings (a JSON array, or one string for a list of one); empty when not given. */
    public Optional<java.util.List<String>> optStrings(String name) throws ApiException {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s.isBlank() ? java.util.List.of() : java.util.List.of(s));
        }
        if (!(v instanceof java.util.List<?> list) || !list.stream().allMatch(x -> x instanceof String)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be a list of strings");
        }
        return Optional.of(list.stream().map(String.class::cast).toList());
    }

    /** Whether the parameter was given (and not null). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) throws ApiException {
        Object v = values.get(name);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "parameter " + name + " must be true or false");
        }
        return b;
    }
}
