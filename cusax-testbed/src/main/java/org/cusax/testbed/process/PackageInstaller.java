package org.cusax.testbed.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the Debian packages the testbed runs are installed, installing the missing ones with
 * {@code apt-get} ({@code apt-get update} once per JVM, then {@code apt-get install -y}). Needs
 * root for installing; without root a missing package is a clear error naming the command to run.
 */
public final class PackageInstaller {

    /** Prosody server and prosodyctl. */
    public static final String PROSODY = "prosody";
    /** Kamailio server and kamcmd. */
    public static final String KAMAILIO = "kamailio";
    /** Kamailio's tls.so module. */
    public static final String KAMAILIO_TLS = "kamailio-tls-modules";
    /** Kamailio's db_postgres.so (digest credentials from the cusax directory). */
    public static final String KAMAILIO_POSTGRES = "kamailio-postgres-modules";
    /** PostgreSQL server (the cusax directory in production form). */
    public static final String POSTGRESQL = "postgresql";
    /** LuaDBI's PostgreSQL driver (Prosody reading the cusax directory). */
    public static final String LUA_DBI_POSTGRESQL = "lua-dbi-postgresql";
    /** sipp. */
    public static final String SIPP = "sip-tester";
    /** sipsak. */
    public static final String SIPSAK = "sipsak";
    /** baresip SIP user agent. */
    public static final String BARESIP = "baresip";
    /** tshark (packet captures of tests); installed without the setuid-capture question. */
    public static final String TSHARK = "tshark";
    /** The ip command (isolated network namespaces). */
    public static final String IPROUTE2 = "iproute2";
    /** PulseAudio sound server (null sinks as virtual microphone and speaker). */
    public static final String PULSEAUDIO = "pulseaudio";
    /** pactl, paplay, parec. */
    public static final String PULSEAUDIO_UTILS = "pulseaudio-utils";
    /** ALSA's pulse plugin: Java Sound (ALSA) reaches PulseAudio through it. */
    public static final String ALSA_PULSE_PLUGIN = "libasound2-plugins";
    /** The openssl command (per-run CA). */
    public static final String OPENSSL = "openssl";

    private static final Logger LOG = LoggerFactory.getLogger(PackageInstaller.class);
    private static final Set<String> KNOWN_INSTALLED = new LinkedHashSet<>();
    private static boolean updated;

    private PackageInstaller() {
    }

    /** Installs whichever of {@code packages} is missing; returns at once when all are there. */
    public static synchronized void ensure(String... packages) {
        ensure(List.of(packages));
    }

    /** Installs whichever of {@code packages} is missing; returns at once when all are there. */
    public static synchronized void ensure(Collection<String> packages) {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (!KNOWN_INSTALLED.contains(p)) {
                if (installed(p)) {
                    KNOWN_INSTALLED.add(p);
                } else {
                    missing.add(p);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String install = "apt-get install -y --no-install-recommends " + String.join(" ", missing);
        if (!isRoot()) {
            throw new IllegalStateException("Debian packages missing: " + missing
                    + ". The testbed installs them only when running as root; run as root, or install them: "
                    + "sudo apt-get update && sudo " + install);
        }
        LOG.info("installing missing Debian packages {}", missing);
        if (!updated) {
            Command.of("apt-get", "update").env("DEBIAN_FRONTEND", "noninteractive")
                    .timeout(Duration.ofMinutes(5)).runOk();
            updated = true;
        }
        if (missing.contains(TSHARK)) {
            // wireshark-common asks whether non-root users may capture: answer no, non-interactively
            Command.of("debconf-set-selections").stdin("wireshark-common wireshark-common/install-setuid boolean false\n")
                    .timeout(Duration.ofSeconds(30)).runOk();
        }
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        cmd.addAll(missing);
        Command.of(cmd).env("DEBIAN_FRONTEND", "noninteractive").timeout(Duration.ofMinutes(15)).runOk();
        for (String p : missing) {
            if (!installed(p)) {
                throw new IllegalStateException("package " + p + " is still not installed after: " + install);
            }
            KNOWN_INSTALLED.add(p);
        }
    }

    /** True if dpkg reports {@code pkg} as installed. */
    public static boolean installed(String pkg) {
        Command.Result r = Command.of("dpkg-query", "-W", "-f=${Status}", pkg).timeout(Duration.ofSeconds(20)).run();
        return r.ok() && r.output().contains("install ok installed");
    }

    /** True if this JVM runs as root (uid 0). */
    public static boolean isRoot() {
        Command.Result r = Command.of("id", "-u").timeout(Duration.ofSeconds(10)).run();
        return r.ok() && r.output().trim().equals("0");
    }
}
