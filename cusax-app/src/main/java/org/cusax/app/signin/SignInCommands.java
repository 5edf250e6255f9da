package org.cusax.app.signin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.cusax.app.api.ApiException;
import org.cusax.app.api.CommandRegistry;
import org.cusax.app.api.ErrorCode;
import org.cusax.app.api.Params;
import org.cusax.app.provisioning.Login;
import org.cusax.app.provisioning.SignIn;
import org.cusax.core.account.Account;
import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.discovery.UserId;
import org.cusax.core.provisioning.ProvisioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in commands of a daemon started signed out ({@code cusax serve --sign-in}): {@code sign-in} (user id
 * and password, through the login core of {@code cusax login}), {@code sign-in-manual} (the settings typed in),
 * {@code sign-out}, and {@code session-state} (signed-out / signing-in / signed-in, with the steps taken so far,
 * which the page shows as progress). One instance serves the signed-out registry and the session's. Passwords
 * go to the login core and the password files only: never into a reply, an event or the log.
 */
public final class SignInCommands {
    private static final Logger LOG = LoggerFactory.getLogger(SignInCommands.class);

    /** The login core bound to the config file: {@code cusax login}'s. */
    @FunctionalInterface
    public interface LoginCore {
        SignIn.Result run(UserId id, Secret password, Consumer<String> report)
                throws Login.NotOurs, ProvisioningException, IOException;
    }

    enum State { SIGNED_OUT, SIGNING_IN, SIGNED_IN }

    private final LoginCore login;
    private final Path config;
    private final Optional<Path> trustStore;
    private final ClientConfigLoader loader;
    private final SessionStarter starter;
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private State state;
    private String account = "";
    private Map<String, Object> lastError;

    /**
     * @param login      the login core, writing {@code config}
     * @param config     the config file a sign-in keeps
     * @param trustStore CA certificates for manual settings (as {@code tls.trust-store})
     * @param loader     loads configurations as the client will
     * @param starter    starts the session once signed in
     * @param signedIn   whether the daemon already serves a session (a configured {@code serve})
     */
    public SignInCommands(LoginCore login, Path config, Optional<Path> trustStore, ClientConfigLoader loader,
                          SessionStarter starter, Optional<String> signedIn) {
        this.login = login;
        this.config = config;
        this.trustStore = trustStore;
        this.loader = loader;
        this.starter = starter;
        this.state = signedIn.isPresent() ? State.SIGNED_IN : State.SIGNED_OUT;
        this.account = signedIn.orElse("");
    }

    public void registerIn(CommandRegistry r) {
        r.register("session-state", "signed-out, signing-in or signed-in; the account; the sign-in's steps and error",
                p -> state());
        r.register("sign-in", "sign in with a user id and password (discovery and provisioning as cusax login) "
                + "{user, password}", this::signIn);
        r.register("sign-in-manual", "sign in with settings typed in {xmppJid?, xmppHost?, xmppPort?, sipAor?, "
                + "sipProxy?, sipPort?, sipTransport?, sipAuthUser?, password, sipPassword?}", this::signInManual);
        r.register("sign-out", "end the session and return to the sign-in form (the kept config stays)", p -> signOut());
    }

    synchronized Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("account", account.isEmpty() ? null : account);
        m.put("config", config.toString());
        m.put("steps", List.copyOf(steps));
        m.put("error", lastError);
        return m;
    }

    private Object signIn(Params p) throws ApiException {
        UserId id;
        try {
            id = UserId.parse(p.string("user").strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        Secret password = Secret.of(p.string("password"));
        begin();
        try {
            SignIn.Result result = login.run(id, password, steps::add);
            return started(result.config(), result.source(), Map.of(
                    "url", result.url().map(Object::toString).orElse(""),
                    "version", result.version().orElse(""),
                    "securityParity", Map.of("matched", result.parity().matched(),
                            "explanation", result.parity().explanation())));
        } catch (ProvisioningException e) {
            throw failed(provisioningError(e));
        } catch (Login.NotOurs e) {
            throw failed(new ApiException(ErrorCode.CONFLICT, e.getMessage()));
        } catch (IOException | ConfigError e) {
            throw failed(new ApiException(ErrorCode.BAD_REQUEST, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("sign-in failed", e);
            throw failed(new ApiException(ErrorCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()));
        }
    }

    private Object signInManual(Params p) throws ApiException {
        String sipPassword = p.optString("sipPassword").orElse("");
        ManualSettings manual = new ManualSettings(p.optString("xmppJid").orElse(""), p.optString("xmppHost").orElse(""),
                p.optString("xmppPort").orElse(""), p.optString("sipAor").orElse(""), p.optString("sipProxy").orElse(""),
                p.optString("sipPort").orElse(""), p.optString("sipTransport").orElse(""),
                p.optString("sipAuthUser").orElse(""), Secret.of(p.string("password")),
                sipPassword.isEmpty() ? Optional.empty() : Optional.of(Secret.of(sipPassword)));
        begin();
        try {
            if (!Login.mayReplace(config)) {
                throw new Login.NotOurs(config);
            }
            steps.add("checking the settings");
            ClientConfig kept = manual.keep(config, trustStore, loader);
            steps.add("kept in " + config + " (passwords in files of their own beside it)");
            return started(kept, "manual", Map.of());
        } catch (Login.NotOurs e) {
            throw failed(new ApiException(ErrorCode.CONFLICT, e.getMessage()));
        } catch (ConfigError | IOException e) {
            throw failed(new ApiException(ErrorCode.BAD_REQUEST, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("manual sign-in failed", e);
            throw failed(new ApiException(ErrorCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()));
        }
    }

    private synchronized Object signOut() throws ApiException {
        if (state != State.SIGNED_IN) {
            throw new ApiException(ErrorCode.CONFLICT, "not signed in");
        }
        starter.stop();
        state = State.SIGNED_OUT;
        account = "";
        steps.clear();
        lastError = null;
        return state();
    }

    private synchronized void begin() throws ApiException {
        if (state == State.SIGNING_IN) {
            throw new ApiException(ErrorCode.CONFLICT, "a sign-in is under way");
        }
        if (state == State.SIGNED_IN) {
            throw new ApiException(ErrorCode.CONFLICT, "already signed in as " + account + " (sign out first)");
        }
        state = State.SIGNING_IN;
        steps.clear();
        lastError = null;
    }

    private Object started(ClientConfig config, String source, Map<String, Object> extra) throws ApiException {
        steps.add("starting the session");
        try {
            starter.start(config);
        } catch (SessionStarter.Refused e) {
            throw failed(new ApiException(ErrorCode.CONFLICT, e.getMessage()));
        }
        String who = config.link().chat().or(() -> config.link().telephony()).map(Account::address).orElse("");
        synchronized (this) {
            state = State.SIGNED_IN;
            account = who;
        }
        LOG.info("signed in as {} ({})", who, source);
        Map<String, Object> m = new LinkedHashMap<>(state());
        m.put("source", source);
        m.putAll(extra);
        return m;
    }

    private synchronized ApiException failed(ApiException e) {
        if (state == State.SIGNING_IN) {
            state = State.SIGNED_OUT;
        }
        lastError = e.error().toJson();
        LOG.info("sign-in failed: {}", e.error().code().token());
        return e;
    }

    private static ApiException provisioningError(ProvisioningException e) {
        String kind = e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (e.kind()) {
            case AUTHENTICATION -> new ApiException(ErrorCode.SIGN_IN_REFUSED, e.getMessage());
            case THROTTLED -> new ApiException(ErrorCode.THROTTLED, e.getMessage(), e.retryAfter()
                    .<Map<String, Object>>map(d -> Map.of("retryAfterSeconds", d.toSeconds())).orElse(Map.of()));
            case NOT_FOUND -> new ApiException(ErrorCode.NOT_DISCOVERED, e.getMessage());
            default -> new ApiException(ErrorCode.PROVISIONING_FAILED, e.getMessage(), Map.of("kind", kind));
        };
    }
}
