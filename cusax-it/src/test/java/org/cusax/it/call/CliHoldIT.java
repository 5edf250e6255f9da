package org.cusax.it.call;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CliHoldScenarios} against real Kamailio and Prosody (digest SHA-256). */
class CliHoldIT extends CliHoldScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.realServers(
            TestbedOptions.defaults().withDigestAlgorithm(DigestAlgorithm.SHA_256));

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
