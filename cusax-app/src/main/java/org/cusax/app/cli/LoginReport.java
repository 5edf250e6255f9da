package org.cusax.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cusax.app.json.JsonWriter;
import org.cusax.app.provisioning.SignIn;
import org.cusax.core.account.Account;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.discovery.UserId;
import org.cusax.core.provisioning.ProvisioningException;

/** What {@code cusax login} prints: a summary (or JSON object) of what was found and kept, or why not. */
final class LoginReport {
    private LoginReport() {
    }

    static void print(CusaxCli cli, JsonWriter json, UserId id, SignIn.Result result, List<String> steps, Path file) {
        ClientConfig config = result.config();
        if (cli.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("user", id.toString());
            out.put("source", result.source());
            out.put("url", result.url().map(Object::toString).orElse(null));
            out.put("version", result.version().orElse(null));
            out.put("config", file.toString());
            out.put("chat", config.link().chat().map(LoginReport::account).orElse(null));
            out.put("telephony", config.link().telephony().map(LoginReport::account).orElse(null));
            out.put("policy", Map.of("chatAfterTelephony", config.policy().chatAfterTelephony(),
                    "allOrNothing", config.policy().allOrNothing()));
            Map<String, Object> parity = new LinkedHashMap<>();
            parity.put("matched", result.parity().matched());
            parity.put("explanation", result.parity().explanation());
            out.put("securityParity", parity);
            out.put("steps", steps);
            json.pretty(out);
            return;
        }
        cli.out.println("Signed in as " + id + ": configuration " + (result.source().equals("provisioning")
                ? "provisioned by " + result.url().orElseThrow() + " (version " + result.version().orElse("?") + ")"
                : "built from the DNS records of " + id.domain().orElse("")));
        config.link().chat().ifPresent(a -> cli.out.println("  Chat:      " + describe(a)));
        config.link().telephony().ifPresent(a -> cli.out.println("  Telephony: " + describe(a)));
        cli.out.println("  Policy:    chat after telephony: " + yesNo(config.policy().chatAfterTelephony())
                + "; all or nothing: " + yesNo(config.policy().allOrNothing()));
        if (!result.parity().matched()) {
            cli.out.println("WARNING: " + result.parity().explanation());
        }
        cli.out.println("Kept in " + file + ". Next: cusax status");
    }

    static int failed(CusaxCli cli, JsonWriter json, ProvisioningException e, List<String> steps) {
        int code = switch (e.kind()) {
            case AUTHENTICATION, THROTTLED -> ExitCodes.SIGN_IN_REFUSED;
            case INVALID_DOCUMENT, NOT_FOUND -> ExitCodes.CONFIG;
            default -> ExitCodes.PROVISIONING_FAILED;
        };
        if (cli.json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            error.put("message", e.getMessage());
            e.retryAfter().ifPresent(d -> error.put("retryAfterSeconds", d.toSeconds()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", false);
            out.put("error", error);
            out.put("steps", steps);
            json.pretty(out);
        }
        cli.err.println("cusax login: " + e.getMessage());
        return code;
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", a.address());
        m.put("server", a.server().host() + ":" + a.server().port());
        m.put("transport", a.server().transport().name().toLowerCase(java.util.Locale.ROOT));
        m.put("tls", a.security().requireTls());
        return m;
    }

    private static String describe(Account a) {
        return a.address() + " via " + a.server().host() + ":" + a.server().port() + " ("
                + (a.security().requireTls() ? "TLS required" : "NO TLS: " + a.server().transport()) + ")";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
