package org.cusax.app.api;

/** One command's work over the core: parameters in, a JSON-ready result out, or a typed error. */
@FunctionalInterface
public interface CommandHandler {
    Object handle(Params params) throws ApiException, InterruptedException;
}
