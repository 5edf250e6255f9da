package org.cusax.app.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.account.Features;
import org.cusax.core.client.CusaxCommands;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ConfigFileUpdate;
import org.cusax.core.service.Half;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings} and {@code setting}: the switches a user changes from a window — the per-account feature
 * switches (CUSAX §3), "on the phone" presence (RFC 7081 §4) and Call-Info privacy (§5). A change takes effect
 * at once in the running session (the feature switches through the core, which tells the account's half) and is
 * written to the user's config file when the session has one. Thread-safe.
 */
public final class SettingsCommands {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsCommands.class);

    /** One switch: its config key, what it is, and whether the running session follows it at once. */
    private record Switch(String key, String label, boolean live) {
    }

    private static final List<Switch> SWITCHES = List.of(
            new Switch("presence.on-the-phone", "Show \"on the phone\" as my presence during calls", true),
            new Switch("sip.call-info", "Send my chat address with my calls (Call-Info)", true),
            new Switch("xmpp.features.calling", "Calling on the XMPP account", true),
            new Switch("xmpp.features.im-presence", "Chat and presence on the XMPP account", true),
            new Switch("sip.features.calling", "Calling on the SIP account", true),
            new Switch("sip.features.im-presence", "Chat and presence on the SIP account", true));

    private final CusaxCommands core;
    private final Optional<Path> configFile;
    private final Map<String, Boolean> values = new LinkedHashMap<>();
    private final boolean hasChat;
    private final boolean hasTelephony;

    /**
     * @param config     the session's configuration (the current values)
     * @param configFile the user's config file changes are written to; empty: the session's only
     */
    public SettingsCommands(CusaxCommands core, ClientConfig config, Optional<Path> configFile) {
        this.core = core;
        this.configFile = configFile;
        this.hasChat = config.link().chat().isPresent();
        this.hasTelephony = config.link().telephony().isPresent();
        values.put("presence.on-the-phone", config.presence().onThePhone());
        values.put("sip.call-info", config.sip().sendCallInfo());
        values.put("xmpp.features.calling", config.link().chat().map(a -> a.features().calling()).orElse(false));
        values.put("xmpp.features.im-presence", config.link().chat().map(a -> a.features().imAndPresence()).orElse(true));
        values.put("sip.features.calling", config.link().telephony().map(a -> a.features().calling()).orElse(true));
        values.put("sip.features.im-presence", config.link().telephony().map(a -> a.features().imAndPresence()).orElse(false));
    }

    public void registerIn(CommandRegistry r) {
        r.register("settings", "the switches a user may change: feature switches, on-the-phone presence, Call-Info",
                p -> settings());
        r.register("setting", "change one switch {key, value: true|false}", this::set);
    }

    private synchronized Object settings() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Switch s : SWITCHES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("label", s.label());
            m.put("value", values.get(s.key()));
            m.put("applies", s.live() ? "now" : "next-start");
            list.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", configFile.map(Path::toString).orElse(null));
        m.put("settings", list);
        return m;
    }

    private synchronized Object set(Params p) throws ApiException {
        String key = p.string("key");
        Switch s = SWITCHES.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() -> new ApiException(
                ErrorCode.BAD_REQUEST, "no switch '" + key + "'; switches: "
                        + String.join(", ", SWITCHES.stream().map(Switch::key).toList())));
        if (!p.has("value")) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "missing parameter: value");
        }
        boolean value = p.flag("value");
        boolean persisted = false;
        if (configFile.isPresent()) {
            try {
                ConfigFileUpdate.set(configFile.get(), key, Boolean.toString(value));
                persisted = true;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not write {} to {}: {}", key, configFile.get(), e.getMessage());
                throw new ApiException(ErrorCode.CONFLICT, "the setting was not changed: cannot write "
                        + configFile.get().getFileName() + " (" + e.getMessage() + ")");
            }
        }
        values.put(key, value);
        switch (key) {
            case "presence.on-the-phone" -> core.setOnThePhone(value);
            case "sip.call-info" -> core.setCallInfo(value);
            case "xmpp.features.calling", "xmpp.features.im-presence" -> {
                if (hasChat) {
                    core.setFeatures(Half.CHAT, new Features(values.get("xmpp.features.calling"),
                            values.get("xmpp.features.im-presence")));
                }
            }
            default -> {
                if (hasTelephony) {
                    core.setFeatures(Half.TELEPHONY, new Features(values.get("sip.features.calling"),
                            values.get("sip.features.im-presence")));
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        m.put("applies", s.live() ? "now" : "next-start");
        m.put("persisted", persisted);
        return m;
    }
}
