package org.cusax.testbed;

import java.nio.file.Path;
import java.time.Duration;
import org.cusax.testbed.kamailio.DigestAlgorithm;

/**
 * What {@link Testbed#start(TestbedOptions)} starts. Immutable; change with the {@code with*}
 * methods: {@code TestbedOptions.defaults().withDigestAlgorithm(DigestAlgorithm.SHA_256)}.
 *
 * @param domain           XMPP and SIP domain (default {@code cusax.test})
 * @param prosody          start Prosody (default true)
 * @param kamailio         start Kamailio (default true)
 * @param digestAlgorithm  Kamailio's digest algorithm (default MD5, which sipp also speaks)
 * @param baseDir          parent of the run directory; null = the system temporary directory
 * @param keepRunDir       keep the run directory after close (default false; also forced by the
 *                         system property {@code cusax.testbed.keep=true})
 * @param startTimeout     per-server readiness limit (default 30 s)
 * @param verboseLogs      debug-level server logs (default false)
 * @param installPackages  install missing Debian packages with apt-get (default true)
 */
public record TestbedOptions(String domain, boolean prosody, boolean kamailio, DigestAlgorithm digestAlgorithm,
        Path baseDir, boolean keepRunDir, Duration startTimeout, boolean verboseLogs, boolean installPackages) {

    /** System property that keeps run directories for inspection. */
    public static final String KEEP_PROPERTY = "cusax.testbed.keep";

    public TestbedOptions {
        if (domain == null || !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new IllegalArgumentException("domain must be a lower-case DNS name with a dot: " + domain);
        }
        if (!prosody && !kamailio) {
            throw new IllegalArgumentException("nothing to start: both Prosody and Kamailio are off");
        }
        if (digestAlgorithm == null || startTimeout == null) {
            throw new IllegalArgumentException("digestAlgorithm and startTimeout are required");
        }
    }

    /** Both servers, domain cusax.test, MD5 digest, temporary directory. */
    public static TestbedOptions defaults() {
        return new TestbedOptions("cusax.test", true, true, DigestAlgorithm.MD5, null, false,
                Duration.ofSeconds(30), false, true);
    }

    public TestbedOptions withDomain(String value) {
        return new TestbedOptions(value, prosody, kamailio, digestAlgorithm, baseDir, keepRunDir, startTimeout,
                verboseLogs, installPackages);
    }

    public TestbedOptions withProsody(boolean value) {
        return new TestbedOptions(domain, value, kamailio, digestAlgorithm, baseDir, keepRunDir, startTimeout,
                verboseLogs, installPackages);
    }

    public TestbedOptions withKamailio(boolean value) {
        return new TestbedOptions(domain, prosody, value, digestAlgorithm, baseDir, keepRunDir, startTimeout,
                verboseLogs, installPackages);
    }

    public TestbedOptions withDigestAlgorithm(DigestAlgorithm value) {
        return new TestbedOptions(domain, prosody, kamailio, value, baseDir, keepRunDir, startTimeout,
                verboseLogs, installPackages);
    }

    public TestbedOptions withBaseDir(Path value) {
        return new TestbedOptions(domain, prosody, kamailio, digestAlgorithm, value, keepRunDir, startTimeout,
                verboseLogs, installPackages);
    }

    public TestbedOptions withKeepRunDir(boolean value) {
        return new TestbedOptions(domain, prosody, kamailio, digestAlgorithm, baseDir, value, startTimeout,
                verboseLogs, installPackages);
    }

    public TestbedOptions withStartTimeout(Duration value) {
        return new TestbedOptions(domain, prosody, kamailio, digestAlgorithm, baseDir, keepRunDir, value,
                verboseLogs, installPackages);
    }

    public TestbedOptions withVerboseLogs(boolean value) {
        return new TestbedOptions(domain, prosody, kamailio, digestAlgorithm, baseDir, keepRunDir, startTimeout,
                value, installPackages);
    }

    public TestbedOptions withInstallPackages(boolean value) {
        return new TestbedOptions(domain, prosody, kamailio, digestAlgorithm, baseDir, keepRunDir, startTimeout,
                verboseLogs, value);
    }

    boolean keep() {
        return keepRunDir || Boolean.getBoolean(KEEP_PROPERTY);
    }
}
