package org.cusax.app.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cusax settings} and {@code cusax setting KEY true|false}: the running daemon's switches (as the web page's Settings). */
final class SettingVerbs {
    private SettingVerbs() {
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Show the switches the daemon can change: feature switches, on-the-phone presence, Call-Info (daemon).")
    static final class Show extends LiveCommands.Verb {
    }

    @Command(name = "setting", mixinStandardHelpOptions = true,
            description = "Change one switch; applied in the session where it can be, saved in the config file (daemon).")
    static final class Set extends LiveCommands.Verb {
        @Parameters(index = "0", paramLabel = "KEY", description = "e.g. sip.call-info, presence.on-the-phone, xmpp.features.calling.")
        String key;
        @Parameters(index = "1", paramLabel = "VALUE", description = "true or false.")
        boolean value;

        @Override
        void params(Map<String, Object> p) {
            p.put("key", key);
            p.put("value", value);
        }
    }
}
