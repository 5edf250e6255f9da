package org.cusax.app.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.cusax.core.client.CusaxCommands;
import org.cusax.core.config.AudioSettings;
import org.cusax.core.service.CusaxLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command name → handler over the core. Every front-end (CLI, daemon HTTP, tests) executes commands
 * here and gets an {@link ApiResponse}: the result, or a typed error with a stable code. Core refusals
 * map to codes: an invalid argument is {@code bad-request}, a call in the wrong state {@code conflict}.
 */
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    /** One command: its name, a one-line summary and the handler. */
    public record Entry(String name, String summary, CommandHandler handler) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The registry with every standard command over {@code core}. */
    public static CommandRegistry standard(CusaxCommands core, CusaxLink link, Timers timers) {
        return standard(core, link, timers, AudioSettings.defaults());
    }

    /**
     * The same, with the sound devices a live call uses ({@code audio.input}/{@code audio.output}): a call
     * or an answer without {@code tone}, {@code play} and {@code record} is live.
     */
    public static CommandRegistry standard(CusaxCommands core, CusaxLink link, Timers timers, AudioSettings audio) {
        CommandRegistry r = new CommandRegistry();
        new SessionCommands(core, link).registerIn(r);
        new ChatCommands(core).registerIn(r);
        new ContactCommands(core).registerIn(r);
        new CallCommands(core, timers, audio).registerIn(r);
        new AudioCommands(core).registerIn(r);
        return r;
    }

    public void register(String name, String summary, CommandHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (entries.putIfAbsent(name, new Entry(name, summary, handler)) != null) {
            throw new IllegalArgumentException("command registered twice: " + name);
        }
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Runs one command; never throws (except on interrupt): failures come back as typed errors. */
    public ApiResponse execute(String name, Map<String, Object> params) throws InterruptedException {
        Entry entry = entries.get(name);
        if (entry == null) {
            return ApiResponse.failed(String.valueOf(name), new ApiError(ErrorCode.UNKNOWN_COMMAND,
                    "no command '" + name + "'; commands: " + String.join(", ", entries.keySet()), Map.of()));
        }
        try {
            return ApiResponse.ok(name, entry.handler().handle(Params.of(params)));
        } catch (ApiException e) {
            return ApiResponse.failed(name, e.error());
        } catch (IllegalArgumentException e) {
            return ApiResponse.failed(name, new ApiError(e.getMessage() != null && e.getMessage().startsWith("no such call")
                    ? ErrorCode.NOT_FOUND : ErrorCode.BAD_REQUEST, e.getMessage(), Map.of()));
        } catch (IllegalStateException e) {
            return ApiResponse.failed(name, new ApiError(ErrorCode.CONFLICT, e.getMessage(), Map.of()));
        } catch (RuntimeException e) {
            LOG.warn("command {} failed", name, e);
            return ApiResponse.failed(name, new ApiError(ErrorCode.INTERNAL, "internal error: " + e.getClass()
                    .getSimpleName(), Map.of()));
        }
    }
}
